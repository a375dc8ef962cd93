<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>Accessibility</name>
    <message>
        <source>Clear</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <source>Scroll {what}</source>
        <translation>Schuiven: {what}</translation>
    </message>
</context>
<context>
    <name>AccountForm</name>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>This account is blocked.</source>
        <translation>Dit account is geblokkeerd.</translation>
    </message>
    <message>
        <source>username</source>
        <translation>gebruikersnaam</translation>
    </message>
    <message>
        <source>kind of account</source>
        <translation>soort account</translation>
    </message>
    <message>
        <source>e-mail address</source>
        <translation>e-mailadres</translation>
    </message>
    <message>
        <source>reset password</source>
        <translation>reset wachtwoord</translation>
    </message>
    <message>
        <source>location manager</source>
        <translation>locatiemanager</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>beheerder</translation>
    </message>
    <message>
        <source>An administrator can change settings. Other users cannot.</source>
        <translation>Een beheerder kan instellingen wijzigen. Overige gebruikers niet.</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP adres</translation>
    </message>
    <message>
        <source>for example 192.168.1.10, 10.0.0.0/24</source>
        <translation>bijvoorbeeld 192.168.1.10, 10.0.0.0/24</translation>
    </message>
    <message>
        <source>Nothing filled in? Then no restriction on IP address. Separate several IP addresses with a comma.</source>
        <translation>Niets ingevuld? Dan geen beperking op IP adres. Meerdere IP adressen scheiden met komma.</translation>
    </message>
    <message>
        <source>Allow codes again</source>
        <translation>Codes weer toestaan</translation>
    </message>
    <message>
        <source>Lift the wait after too many wrong codes.</source>
        <translation>Hef de wachttijd na te veel foute codes op.</translation>
    </message>
    <message>
        <source>modules</source>
        <translation>modules</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>soort</translation>
    </message>
    <message>
        <source>password</source>
        <translation>wachtwoord</translation>
    </message>
    <message>
        <source>two-step verification</source>
        <translation>tweestapsverificatie</translation>
    </message>
    <message>
        <source>save</source>
        <translation>opslaan</translation>
    </message>
    <message>
        <source>mail activation</source>
        <translation>mail activatie</translation>
    </message>
    <message>
        <source>block</source>
        <translation>blokkeer</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>annuleer</translation>
    </message>
    <message>
        <source>reset two-step verification</source>
        <translation>reset tweestapsverificatie</translation>
    </message>
    <message>
        <source>Choose an account in the list.</source>
        <translation>Kies een account in de lijst.</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Nieuw account</translation>
    </message>
    <message>
        <source>the new account</source>
        <translation>het nieuwe account</translation>
    </message>
    <message>
        <source>the account of {name}</source>
        <translation>het account van {name}</translation>
    </message>
    <message>
        <source>The account of {name} has been saved.</source>
        <translation>Het account van {name} is opgeslagen.</translation>
    </message>
    <message>
        <source>Saving the account…</source>
        <translation>Account opslaan…</translation>
    </message>
    <message>
        <source>Account {name} created. Send an activation mail so {name} can choose a password.</source>
        <translation>Account {name} aangemaakt. Stuur een activatiemail zodat {name} een wachtwoord kan kiezen.</translation>
    </message>
    <message>
        <source>Creating the account…</source>
        <translation>Account aanmaken…</translation>
    </message>
    <message>
        <source>Unblocking…</source>
        <translation>Deblokkeren…</translation>
    </message>
    <message>
        <source>{name} has been unblocked and can log in again.</source>
        <translation>{name} is gedeblokkeerd en kan weer inloggen.</translation>
    </message>
    <message>
        <source>Block {name}</source>
        <translation>{name} blokkeren</translation>
    </message>
    <message>
        <source>Block {name}? {name} can no longer log in: open sessions end at once and trusted browsers are forgotten. Unblock the account to let {name} in again.</source>
        <translation>{name} blokkeren? {name} kan dan niet meer inloggen: open sessies stoppen meteen en vertrouwde browsers worden vergeten. Deblokkeer het account om {name} weer toegang te geven.</translation>
    </message>
    <message>
        <source>Blocking…</source>
        <translation>Blokkeren…</translation>
    </message>
    <message>
        <source>{name} has been blocked.</source>
        <translation>{name} is geblokkeerd.</translation>
    </message>
    <message>
        <source>Reset two-step verification</source>
        <translation>Tweestapsverificatie resetten</translation>
    </message>
    <message>
        <source>Reset the two-step verification of {name}?

The authenticator app paired with this account is forgotten. At the next login {name} sees a new QR code and setup key and pairs the app again; codes from the old entry in the app no longer work, so ask {name} to delete that entry first. Open sessions end and trusted browsers are forgotten.</source>
        <translation>Tweestapsverificatie van {name} resetten?

De Authenticator-app die aan dit account gekoppeld is, wordt vergeten. Bij de volgende keer inloggen ziet {name} een nieuwe QR-code en instelsleutel en koppelt de app opnieuw; codes van de oude regel in de app werken dan niet meer, vraag {name} dus eerst die regel te verwijderen. Open sessies stoppen en vertrouwde browsers worden vergeten.</translation>
    </message>
    <message>
        <source>Resetting two-step verification…</source>
        <translation>Tweestapsverificatie resetten…</translation>
    </message>
    <message>
        <source>The two-step verification of {name} has been reset: the next login shows a new QR code.</source>
        <translation>De tweestapsverificatie van {name} is gereset: bij de volgende keer inloggen verschijnt een nieuwe QR-code.</translation>
    </message>
    <message>
        <source>Reset the password of {name}? The current password stops working at once. {name} gets an activation mail with a link to choose a new one.</source>
        <translation>Wachtwoord van {name} resetten? Het huidige wachtwoord werkt dan meteen niet meer. {name} krijgt een activatiemail met een link om een nieuw wachtwoord te kiezen.</translation>
    </message>
    <message>
        <source>Reset the password of {name}? The current password stops working at once. {name} has no e-mail address, so no link to choose a new one can be sent: fill in an address and send an activation mail.</source>
        <translation>Wachtwoord van {name} resetten? Het huidige wachtwoord werkt dan meteen niet meer. {name} heeft geen e-mailadres, dus er kan geen link voor een nieuw wachtwoord worden verstuurd: vul een adres in en stuur een activatiemail.</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Wachtwoord resetten</translation>
    </message>
    <message>
        <source>Resetting the password…</source>
        <translation>Wachtwoord resetten…</translation>
    </message>
    <message>
        <source>The password of {name} has been reset.</source>
        <translation>Het wachtwoord van {name} is gereset.</translation>
    </message>
    <message>
        <source>Allowing codes again…</source>
        <translation>Codes weer toestaan…</translation>
    </message>
    <message>
        <source>{name} may enter codes again.</source>
        <translation>{name} mag weer codes invoeren.</translation>
    </message>
    <message>
        <source>Activation mail for {name} sent to {address}.</source>
        <translation>Activatiemail voor {name} verstuurd naar {address}.</translation>
    </message>
    <message>
        <source>Sending the activation mail…</source>
        <translation>Activatiemail versturen…</translation>
    </message>
    <message>
        <source>You cannot block yourself.</source>
        <translation>Je kunt jezelf niet blokkeren.</translation>
    </message>
    <message>
        <source>unblock</source>
        <translation>deblokkeer</translation>
    </message>
    <message>
        <source>chosen by the user, through the activation mail</source>
        <translation>kiest de gebruiker zelf, via de activatiemail</translation>
    </message>
    <message>
        <source>paired at the first login (QR code)</source>
        <translation>koppelen bij de eerste keer inloggen (QR-code)</translation>
    </message>
    <message>
        <source>set</source>
        <translation>ingesteld</translation>
    </message>
    <message>
        <source>not set (waiting for activation)</source>
        <translation>niet ingesteld (wacht op activatie)</translation>
    </message>
    <message>
        <source>{count} wrong codes in a row.</source>
        <translation>{count} foute codes achter elkaar.</translation>
    </message>
    <message>
        <source>Next try allowed at {time}.</source>
        <translation>Volgende poging mag om {time}.</translation>
    </message>
</context>
<context>
    <name>AccountQrDialog</name>
    <message>
        <source>Show QR code – {label}</source>
        <translation>QR-code tonen – {label}</translation>
    </message>
    <message>
        <source>Scan this code with the authenticator app on your phone to add the same account there. Both will then show the same codes.</source>
        <translation>Scan deze code met de Authenticator-app op je telefoon om hetzelfde account daar toe te voegen. Beide tonen dan dezelfde codes.</translation>
    </message>
    <message>
        <source>Anyone who sees this code can copy the account and make its codes. Show it only to your own phone, and close this window when you are done.</source>
        <translation>Iedereen die deze code ziet, kan het account kopiëren en de codes ervan maken. Laat hem alleen aan je eigen telefoon zien en sluit dit venster als je klaar bent.</translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <source>{account}, code {code}</source>
        <translation>{account}, code {code}</translation>
    </message>
    <message>
        <source>Press Enter to copy the code. Use Next code for a new one.</source>
        <translation>Druk op Enter om de code te kopiëren. Kies Volgende code voor een nieuwe code.</translation>
    </message>
    <message>
        <source>1 second left.</source>
        <translation>Nog 1 seconde.</translation>
    </message>
    <message>
        <source>{seconds} seconds left.</source>
        <translation>Nog {seconds} seconden.</translation>
    </message>
    <message>
        <source>Press Enter to copy the code.</source>
        <translation>Druk op Enter om de code te kopiëren.</translation>
    </message>
</context>
<context>
    <name>AddAccountDialog</name>
    <message>
        <source>Add account</source>
        <translation>Account toevoegen</translation>
    </message>
    <message>
        <source>Copy the setup key shown under the QR code on the login page (it has a Copy button) and paste it here. An account link (otpauth://…) works too.</source>
        <translation>Kopieer de instelsleutel die op de inlogpagina onder de QR-code staat (met de knop Kopiëren) en plak die hier. Een accountlink (otpauth://…) werkt ook.</translation>
    </message>
    <message>
        <source>for example JBSW Y3DP EHPK 3PXP</source>
        <translation>bijvoorbeeld JBSW Y3DP EHPK 3PXP</translation>
    </message>
    <message>
        <source>Setup key or account link</source>
        <translation>Instelsleutel of accountlink</translation>
    </message>
    <message>
        <source>&amp;Setup key or account link:</source>
        <translation>&amp;Instelsleutel of accountlink:</translation>
    </message>
    <message>
        <source>A&amp;dvanced settings</source>
        <translation>&amp;Geavanceerde instellingen</translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation>Geavanceerde instellingen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleer</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Toevoegen</translation>
    </message>
    <message>
        <source>Did the login page show you a new QR code or setup key? Then the earlier pairing was not completed, and the codes of the old entry are no longer accepted. Replace the old entry with this one, then type the new code on the login page to finish pairing.</source>
        <translation>Zag je op de inlogpagina een nieuwe QR-code of instelsleutel? Dan was de koppeling niet afgerond en worden de codes van de oude regel niet meer geaccepteerd. Vervang de oude regel door deze en vul daarna de nieuwe code in op de inlogpagina om de koppeling te voltooien.</translation>
    </message>
    <message>
        <source>Is this a different account? Go back and give it another name.</source>
        <translation>Is dit een ander account? Ga terug en geef het een andere naam.</translation>
    </message>
    <message>
        <source>&amp;Go back</source>
        <translation>&amp;Terug</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Terug</translation>
    </message>
    <message>
        <source>&amp;Replace old entry</source>
        <translation>&amp;Vervang oude regel</translation>
    </message>
    <message>
        <source>Replace old entry</source>
        <translation>Vervang oude regel</translation>
    </message>
    <message>
        <source>Account added</source>
        <translation>Account toegevoegd</translation>
    </message>
    <message>
        <source>Current code</source>
        <translation>Huidige code</translation>
    </message>
    <message>
        <source>Type this code on the login page now to finish pairing.</source>
        <translation>Vul deze code nu in op de inlogpagina om de koppeling te voltooien.</translation>
    </message>
    <message>
        <source>C&amp;opy code</source>
        <translation>Code &amp;kopiëren</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Code kopiëren</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Sluiten</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Accounts imported</source>
        <translation>Accounts geïmporteerd</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>Er is niets geïmporteerd</translation>
    </message>
    <message>
        <source>New code in {seconds} s</source>
        <translation>Nieuwe code over {seconds} s</translation>
    </message>
    <message>
        <source>Account link read; check the service and account name below.</source>
        <translation>Accountlink gelezen; controleer hieronder de dienst en de accountnaam.</translation>
    </message>
    <message>
        <source>Valid setup key.</source>
        <translation>Geldige instelsleutel.</translation>
    </message>
    <message>
        <source>You already have an account for {issuer} ({name}). Replace the old entry?</source>
        <translation>Je hebt al een account voor {issuer} ({name}). De oude regel vervangen?</translation>
    </message>
    <message>
        <source>You already have an account named {name}. Replace the old entry?</source>
        <translation>Je hebt al een account met de naam {name}. De oude regel vervangen?</translation>
    </message>
</context>
<context>
    <name>AdminLabels</name>
    <message>
        <source>Not enrolled</source>
        <translation>Niet gekoppeld</translation>
    </message>
    <message>
        <source>Pairing not finished</source>
        <translation>Koppeling niet afgerond</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actief</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Medewerker</translation>
    </message>
    <message>
        <source>Extranet user</source>
        <translation>Extranetter</translation>
    </message>
    <message>
        <source>Authenticator app</source>
        <translation>Authenticatie app</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>Login (password)</source>
        <translation>Inloggen (wachtwoord)</translation>
    </message>
    <message>
        <source>Code entered</source>
        <translation>Code ingevoerd</translation>
    </message>
    <message>
        <source>Pairing completed</source>
        <translation>Koppeling afgerond</translation>
    </message>
    <message>
        <source>E-mail code sent</source>
        <translation>E-mailcode verstuurd</translation>
    </message>
    <message>
        <source>Admin access refused</source>
        <translation>Beheertoegang geweigerd</translation>
    </message>
    <message>
        <source>Policy changed</source>
        <translation>Beleid gewijzigd</translation>
    </message>
    <message>
        <source>Account created</source>
        <translation>Account aangemaakt</translation>
    </message>
    <message>
        <source>Account changed</source>
        <translation>Account gewijzigd</translation>
    </message>
    <message>
        <source>Method chosen</source>
        <translation>Methode gekozen</translation>
    </message>
    <message>
        <source>Two-step verification reset</source>
        <translation>Tweestapsverificatie gereset</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Geblokkeerd</translation>
    </message>
    <message>
        <source>Unblocked</source>
        <translation>Gedeblokkeerd</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>Wachtwoord gereset</translation>
    </message>
    <message>
        <source>Activation mail sent</source>
        <translation>Activatiemail verstuurd</translation>
    </message>
    <message>
        <source>Password chosen (activation link)</source>
        <translation>Wachtwoord gekozen (activatielink)</translation>
    </message>
    <message>
        <source>Waiting time lifted</source>
        <translation>Wachttijd opgeheven</translation>
    </message>
    <message>
        <source>Audit log retention changed</source>
        <translation>Bewaartermijn auditlog gewijzigd</translation>
    </message>
    <message>
        <source>Change the policy</source>
        <translation>Beleid wijzigen</translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation>Account aanmaken</translation>
    </message>
    <message>
        <source>Change an account</source>
        <translation>Account wijzigen</translation>
    </message>
    <message>
        <source>Reset two-step verification</source>
        <translation>Tweestapsverificatie resetten</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Blokkeren</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Deblokkeren</translation>
    </message>
    <message>
        <source>Reset the password</source>
        <translation>Wachtwoord resetten</translation>
    </message>
    <message>
        <source>Send an activation mail</source>
        <translation>Activatiemail versturen</translation>
    </message>
    <message>
        <source>Lift the waiting time</source>
        <translation>Wachttijd opheffen</translation>
    </message>
    <message>
        <source>Change the audit log retention</source>
        <translation>Bewaartermijn auditlog wijzigen</translation>
    </message>
    <message>
        <source>refused: {why}</source>
        <translation>geweigerd: {why}</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>wrong password</source>
        <translation>fout wachtwoord</translation>
    </message>
    <message>
        <source>wrong code</source>
        <translation>foute code</translation>
    </message>
    <message>
        <source>code already used</source>
        <translation>code al gebruikt</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>geblokkeerd</translation>
    </message>
    <message>
        <source>IP address not allowed</source>
        <translation>IP adres niet toegestaan</translation>
    </message>
    <message>
        <source>no P&amp;O right</source>
        <translation>geen recht op P&amp;O</translation>
    </message>
    <message>
        <source>code not yet entered</source>
        <translation>code nog niet ingevoerd</translation>
    </message>
    <message>
        <source>too many wrong passwords</source>
        <translation>te veel foute wachtwoorden</translation>
    </message>
    <message>
        <source>too many wrong codes</source>
        <translation>te veel foute codes</translation>
    </message>
    <message>
        <source>e-mail code asked for too often</source>
        <translation>te vaak om een e-mailcode gevraagd</translation>
    </message>
    <message>
        <source>not logged in</source>
        <translation>niet ingelogd</translation>
    </message>
    <message>
        <source>wrong login step</source>
        <translation>verkeerde stap van het inloggen</translation>
    </message>
    <message>
        <source>pairing expired</source>
        <translation>koppeling verlopen</translation>
    </message>
    <message>
        <source>authenticator key unreadable</source>
        <translation>sleutel van de authenticator onleesbaar</translation>
    </message>
    <message>
        <source>activation link no longer valid</source>
        <translation>activatielink werkt niet meer</translation>
    </message>
    <message>
        <source>server busy</source>
        <translation>server bezet</translation>
    </message>
    <message>
        <source>rights for employees only</source>
        <translation>rechten alleen voor medewerkers</translation>
    </message>
    <message>
        <source>stays an employee</source>
        <translation>blijft medewerker</translation>
    </message>
    <message>
        <source>cut-off date passed</source>
        <translation>invoerdatum voorbij</translation>
    </message>
    <message>
        <source>employees keep the app</source>
        <translation>medewerkers houden de app</translation>
    </message>
    <message>
        <source>name taken</source>
        <translation>naam bestaat al</translation>
    </message>
    <message>
        <source>own account</source>
        <translation>eigen account</translation>
    </message>
    <message>
        <source>no such account</source>
        <translation>account bestaat niet</translation>
    </message>
    <message>
        <source>no e-mail address</source>
        <translation>geen e-mailadres</translation>
    </message>
    <message>
        <source>invalid input</source>
        <translation>ongeldige invoer</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>geweigerd</translation>
    </message>
    <message>
        <source>employees</source>
        <translation>medewerkers</translation>
    </message>
    <message>
        <source>extranet users</source>
        <translation>extranetters</translation>
    </message>
    <message>
        <source>default method</source>
        <translation>standaard methode</translation>
    </message>
    <message>
        <source>adjustable by user?</source>
        <translation>aanpasbaar voor gebruiker?</translation>
    </message>
    <message>
        <source>authenticator validity (hours)</source>
        <translation>geldigheid authenticator (uren)</translation>
    </message>
    <message>
        <source>mail validity (days)</source>
        <translation>geldigheid mail (dagen)</translation>
    </message>
    <message>
        <source>end of e-mail codes for employees</source>
        <translation>einde e-mailcodes voor medewerkers</translation>
    </message>
</context>
<context>
    <name>AdminQuestions</name>
    <message>
        <source>Cancel</source>
        <translation>Annuleer</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Niet-opgeslagen wijzigingen</translation>
    </message>
    <message>
        <source>You changed {what} without saving. Save the changes?</source>
        <translation>Je hebt {what} gewijzigd zonder op te slaan. Wijzigingen opslaan?</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Wijzigingen weggooien</translation>
    </message>
</context>
<context>
    <name>AdminWindow</name>
    <message>
        <source>Administration – Tweestap</source>
        <translation>Beheer – Tweestap</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Uitloggen</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Beleid</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Medewerkers</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Auditlog</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Onderdelen</translation>
    </message>
    <message>
        <source>Your session has ended. Log in again to continue; nothing you typed is lost.</source>
        <translation>Je sessie is verlopen. Log opnieuw in om verder te gaan; wat je hebt ingevuld blijft bewaard.</translation>
    </message>
    <message>
        <source>You are not logged in. What you typed is kept: choose Try again to log in and continue.</source>
        <translation>Je bent niet ingelogd. Wat je hebt ingevuld blijft bewaard: kies Opnieuw proberen om in te loggen en verder te gaan.</translation>
    </message>
    <message>
        <source>{name} on {server}</source>
        <translation>{name} op {server}</translation>
    </message>
    <message>
        <source>session until {time}</source>
        <translation>sessie tot {time}</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Started with an empty list. The unreadable file was kept as {path}.</source>
        <translation>Begonnen met een lege lijst. Het onleesbare bestand is bewaard als {path}.</translation>
    </message>
    <message>
        <source>Start with an empty list</source>
        <translation>Opnieuw beginnen met een lege lijst</translation>
    </message>
</context>
<context>
    <name>AuditChanges</name>
    <message>
        <source>kind</source>
        <translation>soort</translation>
    </message>
    <message>
        <source>e-mail address</source>
        <translation>e-mailadres</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>beheerder</translation>
    </message>
    <message>
        <source>modules</source>
        <translation>modules</translation>
    </message>
    <message>
        <source>location manager</source>
        <translation>locatiemanager</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP adres</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>geblokkeerd</translation>
    </message>
    <message>
        <source>password</source>
        <translation>wachtwoord</translation>
    </message>
    <message>
        <source>two-step verification</source>
        <translation>tweestapsverificatie</translation>
    </message>
    <message>
        <source>own choice of method</source>
        <translation>eigen keuze methode</translation>
    </message>
    <message>
        <source>wrong codes in a row</source>
        <translation>onjuiste codes op rij</translation>
    </message>
    <message>
        <source>next try allowed at</source>
        <translation>volgende poging vanaf</translation>
    </message>
    <message>
        <source>method</source>
        <translation>methode</translation>
    </message>
    <message>
        <source>next step</source>
        <translation>volgende stap</translation>
    </message>
    <message>
        <source>step</source>
        <translation>stap</translation>
    </message>
    <message>
        <source>sent to</source>
        <translation>verstuurd naar</translation>
    </message>
    <message>
        <source>created</source>
        <translation>aangemaakt</translation>
    </message>
    <message>
        <source>tried: {change}</source>
        <translation>geprobeerd: {change}</translation>
    </message>
    <message>
        <source>username</source>
        <translation>gebruikersnaam</translation>
    </message>
    <message>
        <source>retention (days)</source>
        <translation>bewaartermijn (dagen)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <source>set</source>
        <translation>ingesteld</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>niet ingesteld</translation>
    </message>
    <message>
        <source>no code needed (trusted browser)</source>
        <translation>geen code nodig (vertrouwde browser)</translation>
    </message>
    <message>
        <source>code from the app</source>
        <translation>code uit de app</translation>
    </message>
    <message>
        <source>pair the app (QR code)</source>
        <translation>app koppelen (QR-code)</translation>
    </message>
    <message>
        <source>code by e-mail</source>
        <translation>code per e-mail</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit log</source>
        <translation>Auditlog</translation>
    </message>
    <message>
        <source>username</source>
        <translation>gebruikersnaam</translation>
    </message>
    <message>
        <source>Every action</source>
        <translation>Alle acties</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <source>from</source>
        <translation>vanaf</translation>
    </message>
    <message>
        <source>until</source>
        <translation>tot en met</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Toon</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>Whom</source>
        <translation>Bij wie</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>from (date and time)</source>
        <translation>vanaf (datum en tijd)</translation>
    </message>
    <message>
        <source>until (date and time)</source>
        <translation>tot (datum en tijd)</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>maximaal</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>audit log</source>
        <translation>auditlog</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP adres</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Wijziging</translation>
    </message>
    <message>
        <source>Details of the chosen entry</source>
        <translation>Details van de gekozen regel</translation>
    </message>
    <message>
        <source>Choose an entry to see all of it here.</source>
        <translation>Kies een regel om hier alles ervan te zien.</translation>
    </message>
    <message>
        <source>Reading the audit log…</source>
        <translation>Auditlog ophalen…</translation>
    </message>
    <message>
        <source>{count} entries, newest first</source>
        <translation>{count} regels, nieuwste eerst</translation>
    </message>
    <message>
        <source>the audit log retention</source>
        <translation>de bewaartermijn van het auditlog</translation>
    </message>
</context>
<context>
    <name>AuditRows</name>
    <message>
        <source>By {who}</source>
        <translation>Door {who}</translation>
    </message>
    <message>
        <source>from {ip}</source>
        <translation>vanaf {ip}</translation>
    </message>
    <message>
        <source>concerning {whom}</source>
        <translation>bij {whom}</translation>
    </message>
    <message>
        <source>no account by that name</source>
        <translation>geen account met die naam</translation>
    </message>
    <message>
        <source>No account has the name that was typed. Tweestap does not keep what was typed (people sometimes type their password there), only a fingerprint of it: {fingerprint}. The same fingerprint means the same typed name.</source>
        <translation>Niemand heeft een account met de getypte naam. Tweestap bewaart niet wat er getypt is (soms typen mensen daar hun wachtwoord), alleen een vingerafdruk ervan: {fingerprint}. Dezelfde vingerafdruk betekent dezelfde getypte naam.</translation>
    </message>
    <message>
        <source>unknown name</source>
        <translation>onbekende naam</translation>
    </message>
</context>
<context>
    <name>BackupReminder</name>
    <message>
        <source>You have no backup of your accounts yet. If this computer breaks or is lost, every site would have to reset your two-step verification.</source>
        <translation>Je hebt nog geen back-up van je accounts. Als deze computer kapotgaat of kwijtraakt, moet elke site je tweestapsverificatie resetten.</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Nu &amp;back-up maken</translation>
    </message>
    <message>
        <source>Remind me &amp;later</source>
        <translation>&amp;Later herinneren</translation>
    </message>
    <message>
        <source>Backup reminder</source>
        <translation>Herinnering aan back-up</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Close message</source>
        <translation>Melding sluiten</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
</context>
<context>
    <name>BusyLine</name>
    <message>
        <source>Busy</source>
        <translation>Bezig</translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <source>Hold the QR code from the login page in front of the camera, so that it fills about a third of the picture. It is read as soon as it is sharp.</source>
        <translation>Houd de QR-code van de inlogpagina voor de camera, zodat hij ongeveer een derde van het beeld vult. Hij wordt gelezen zodra hij scherp is.</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>&amp;Camera:</source>
        <translation>&amp;Camera:</translation>
    </message>
    <message>
        <source>Camera picture</source>
        <translation>Camerabeeld</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Terug</translation>
    </message>
    <message>
        <source>Stop the camera and go back</source>
        <translation>De camera stoppen en teruggaan</translation>
    </message>
    <message>
        <source>Looking for cameras…</source>
        <translation>Camera&apos;s zoeken…</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>De camera starten…</translation>
    </message>
    <message>
        <source>Camera {number}</source>
        <translation>Camera {number}</translation>
    </message>
    <message>
        <source>No camera was found. Connect a webcam and press Back, then Camera again; or use the screen, a picture of the QR code or the setup key instead.</source>
        <translation>Er is geen camera gevonden. Sluit een webcam aan en kies Terug en daarna opnieuw Camera; of gebruik in plaats daarvan het scherm, een afbeelding van de QR-code of de instelsleutel.</translation>
    </message>
    <message>
        <source>Looking for a QR code…</source>
        <translation>Zoeken naar een QR-code…</translation>
    </message>
    <message>
        <source>The video has ended.</source>
        <translation>De video is afgelopen.</translation>
    </message>
    <message>
        <source>The camera stopped sending pictures. Choose it again to restart.</source>
        <translation>De camera geeft geen beeld meer. Kies hem opnieuw om weer te starten.</translation>
    </message>
    <message>
        <source>No QR code was seen.</source>
        <translation>Er is geen QR-code gezien.</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Use --replace to replace the old entry with this one.</source>
        <translation>Gebruik --replace om de oude regel door deze te vervangen.</translation>
    </message>
    <message>
        <source>Added {label} (id {id}).</source>
        <translation>{label} toegevoegd (id {id}).</translation>
    </message>
    <message>
        <source>Current code: {code}. Type it on the login page now to finish pairing.</source>
        <translation>Huidige code: {code}. Vul deze code nu in op de inlogpagina om de koppeling te voltooien.</translation>
    </message>
    <message>
        <source>No accounts yet. Add one with: tweestap add</source>
        <translation>Nog geen accounts. Voeg er een toe met: tweestap add</translation>
    </message>
    <message>
        <source>Removed {label}.</source>
        <translation>{label} verwijderd.</translation>
    </message>
    <message>
        <source>Renamed to {label}.</source>
        <translation>Hernoemd naar {label}.</translation>
    </message>
    <message>
        <source>Codes corrected by {offset} s for this computer&apos;s clock, as measured by the window.</source>
        <translation>Codes gecorrigeerd met {offset} s voor de klok van deze computer, zoals het venster die heeft gemeten.</translation>
    </message>
    <message>
        <source>Choose a password for your accounts. Without it (and without a backup) the accounts cannot be recovered.</source>
        <translation>Kies een wachtwoord voor je accounts. Zonder dit wachtwoord (en zonder back-up) zijn de accounts niet terug te halen.</translation>
    </message>
    <message>
        <source>New password: </source>
        <translation>Nieuw wachtwoord: </translation>
    </message>
    <message>
        <source>Repeat the password: </source>
        <translation>Herhaal het wachtwoord: </translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>De twee wachtwoorden verschillen.</translation>
    </message>
    <message>
        <source>Password of your accounts: </source>
        <translation>Wachtwoord van je accounts: </translation>
    </message>
    <message>
        <source>Usage error</source>
        <translation>Gebruiksfout</translation>
    </message>
    <message>
        <source>give a moment in seconds since 1970, from 0 to {limit} (the year 9999), not {value}</source>
        <translation>geef een moment in seconden sinds 1970, van 0 tot {limit} (het jaar 9999), niet {value}</translation>
    </message>
    <message>
        <source>give a whole number, not {value}</source>
        <translation>geef een geheel getal, niet {value}</translation>
    </message>
    <message>
        <source>Tweestap: two-step verification codes on your computer. Without a command, the window opens.</source>
        <translation>Tweestap: codes voor tweestapsverificatie op je computer. Zonder opdracht opent het venster.</translation>
    </message>
    <message>
        <source>open the window and quit once the first codes are painted</source>
        <translation>open het venster en stop zodra de eerste codes getekend zijn</translation>
    </message>
    <message>
        <source>add an account</source>
        <translation>account toevoegen</translation>
    </message>
    <message>
        <source>an otpauth:// link</source>
        <translation>een otpauth://-link</translation>
    </message>
    <message>
        <source>the setup key (instead of a link)</source>
        <translation>de instelsleutel (in plaats van een link)</translation>
    </message>
    <message>
        <source>the service, e.g. Zilliz</source>
        <translation>de dienst, bijvoorbeeld Zilliz</translation>
    </message>
    <message>
        <source>your user name at that service</source>
        <translation>je gebruikersnaam bij die dienst</translation>
    </message>
    <message>
        <source>default: totp</source>
        <translation>standaard: totp</translation>
    </message>
    <message>
        <source>default: SHA1</source>
        <translation>standaard: SHA1</translation>
    </message>
    <message>
        <source>6, 7 or 8 (default 6)</source>
        <translation>6, 7 of 8 (standaard 6)</translation>
    </message>
    <message>
        <source>seconds (default 30)</source>
        <translation>seconden (standaard 30)</translation>
    </message>
    <message>
        <source>HOTP counter (default 0)</source>
        <translation>HOTP-teller (standaard 0)</translation>
    </message>
    <message>
        <source>replace an existing account with the same service and name</source>
        <translation>vervang een bestaand account met dezelfde dienst en naam</translation>
    </message>
    <message>
        <source>list the stored accounts</source>
        <translation>toon de opgeslagen accounts</translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation>geef JSON</translation>
    </message>
    <message>
        <source>remove an account</source>
        <translation>account verwijderen</translation>
    </message>
    <message>
        <source>the account&apos;s id (or its first characters)</source>
        <translation>het id van het account (of de eerste tekens ervan)</translation>
    </message>
    <message>
        <source>rename an account</source>
        <translation>account hernoemen</translation>
    </message>
    <message>
        <source>the new service name</source>
        <translation>de nieuwe naam van de dienst</translation>
    </message>
    <message>
        <source>the new account name</source>
        <translation>de nieuwe accountnaam</translation>
    </message>
    <message>
        <source>show current codes</source>
        <translation>toon de huidige codes</translation>
    </message>
    <message>
        <source>part of the service or account name, or an id</source>
        <translation>een deel van de dienst- of accountnaam, of een id</translation>
    </message>
    <message>
        <source>compute the code of this link; store nothing</source>
        <translation>bereken de code van deze link; sla niets op</translation>
    </message>
    <message>
        <source>the moment to compute codes for (default: now)</source>
        <translation>het moment waarvoor de codes berekend worden (standaard: nu)</translation>
    </message>
    <message>
        <source>HOTP: move to the next counter first (the previous code is used)</source>
        <translation>HOTP: ga eerst naar de volgende teller (de vorige code is gebruikt)</translation>
    </message>
    <message>
        <source>read QR codes from pictures, the screen or a camera</source>
        <translation>QR-codes lezen uit afbeeldingen, van het scherm of met een camera</translation>
    </message>
    <message>
        <source>a picture file, or a folder of pictures</source>
        <translation>een afbeeldingsbestand, of een map met afbeeldingen</translation>
    </message>
    <message>
        <source>capture every screen</source>
        <translation>alle schermen vastleggen</translation>
    </message>
    <message>
        <source>read from a camera (default: the first one) or a video file</source>
        <translation>lezen met een camera (standaard: de eerste) of uit een videobestand</translation>
    </message>
    <message>
        <source>add the accounts found (account links and complete Google exports)</source>
        <translation>de gevonden accounts toevoegen (accountlinks en volledige exports uit Google)</translation>
    </message>
    <message>
        <source>import the accounts of another app&apos;s export file</source>
        <translation>importeer de accounts uit het exportbestand van een andere app</translation>
    </message>
    <message>
        <source>the export file</source>
        <translation>het exportbestand</translation>
    </message>
    <message>
        <source>the app that wrote the file (default: detect it): {keys}</source>
        <translation>de app die het bestand heeft gemaakt (standaard: automatisch herkennen): {keys}</translation>
    </message>
    <message>
        <source>the file&apos;s password (asked for when needed)</source>
        <translation>het wachtwoord van het bestand (wordt gevraagd als dat nodig is)</translation>
    </message>
    <message>
        <source>write every account to a file (a backup)</source>
        <translation>schrijf alle accounts naar een bestand (een back-up)</translation>
    </message>
    <message>
        <source>the file to write</source>
        <translation>het bestand dat wordt geschreven</translation>
    </message>
    <message>
        <source>tweestap: encrypted backup; aegis-encrypted / aegis: for the Aegis app; otpauth: a list of links; google-qr: QR codes (PNG) for Google Authenticator</source>
        <translation>tweestap: versleutelde back-up; aegis-encrypted / aegis: voor de app Aegis; otpauth: een lijst met links; google-qr: QR-codes (PNG) voor Google Authenticator</translation>
    </message>
    <message>
        <source>the password of an encrypted export (asked for when missing)</source>
        <translation>het wachtwoord van een versleutelde export (wordt gevraagd als het ontbreekt)</translation>
    </message>
    <message>
        <source>put Tweestap in the application menu and let it open otpauth:// links (Linux)</source>
        <translation>Tweestap in het programmamenu zetten en otpauth://-links laten openen (Linux)</translation>
    </message>
    <message>
        <source>take the menu entry away again</source>
        <translation>het menu-item weer weghalen</translation>
    </message>
    <message>
        <source>No QR code found in {file}.</source>
        <translation>Geen QR-code gevonden in {file}.</translation>
    </message>
    <message>
        <source>The folder {folder} holds no pictures.</source>
        <translation>De map {folder} bevat geen afbeeldingen.</translation>
    </message>
    <message>
        <source>No QR code found on the screen.</source>
        <translation>Geen QR-code gevonden op het scherm.</translation>
    </message>
    <message>
        <source>Hold the QR code in front of camera {index}. Press Ctrl+C to stop.</source>
        <translation>Houd de QR-code voor camera {index}. Druk op Ctrl+C om te stoppen.</translation>
    </message>
    <message>
        <source>The camera saw no QR code.</source>
        <translation>De camera heeft geen QR-code gezien.</translation>
    </message>
    <message>
        <source>{label} was not added: {reason}</source>
        <translation>{label} is niet toegevoegd: {reason}</translation>
    </message>
    <message>
        <source>No account was added.</source>
        <translation>Er is geen account toegevoegd.</translation>
    </message>
    <message>
        <source>{file} holds no accounts.</source>
        <translation>{file} bevat geen accounts.</translation>
    </message>
    <message>
        <source>Imported {label}</source>
        <translation>Geïmporteerd: {label}</translation>
    </message>
    <message>
        <source>Skipped {label}: Tweestap already has this account.</source>
        <translation>Overgeslagen: {label}: dit account staat al in Tweestap.</translation>
    </message>
    <message>
        <source>Not imported: {label}: {reason}</source>
        <translation>Niet geïmporteerd: {label}: {reason}</translation>
    </message>
    <message>
        <source>{imported} imported, {duplicates} skipped as duplicates, {failed} failed.</source>
        <translation>{imported} geïmporteerd, {duplicates} overgeslagen (stonden er al), {failed} mislukt.</translation>
    </message>
    <message>
        <source>Skipped {label}: it was read more than once.</source>
        <translation>Overgeslagen: {label}: dit account kwam meer dan eens voor.</translation>
    </message>
    <message>
        <source>Note: {label} has the same setup key as {other}; both are kept, remove the one you do not need.</source>
        <translation>Let op: {label} heeft dezelfde instelsleutel als {other}; beide zijn bewaard, verwijder het account dat je niet nodig hebt.</translation>
    </message>
    <message>
        <source>Note: {label} has the same name as {other} but another setup key; both are kept, remove the one that no longer works.</source>
        <translation>Let op: {label} heeft dezelfde naam als {other} maar een andere instelsleutel; beide zijn bewaard, verwijder het account dat niet meer werkt.</translation>
    </message>
    <message>
        <source>Give the file&apos;s password with --password.</source>
        <translation>Geef het wachtwoord van het bestand met --password.</translation>
    </message>
    <message>
        <source>Password of the {format} file {file}: </source>
        <translation>Wachtwoord van het {format}-bestand {file}: </translation>
    </message>
    <message>
        <source>Exported 1 account to {file}.</source>
        <translation>1 account geëxporteerd naar {file}.</translation>
    </message>
    <message>
        <source>Exported {count} accounts to {file}.</source>
        <translation>{count} accounts geëxporteerd naar {file}.</translation>
    </message>
    <message>
        <source>Choose a password for the export (at least 8 characters). Without it the file cannot be opened.</source>
        <translation>Kies een wachtwoord voor de export (minstens 8 tekens). Zonder dat wachtwoord kan het bestand niet worden geopend.</translation>
    </message>
    <message>
        <source>Warning: {file} is not encrypted. Anyone who gets it can make your codes; keep it safe and delete it when you no longer need it.</source>
        <translation>Let op: {file} is niet versleuteld. Iedereen die het bestand krijgt, kan je codes maken; bewaar het veilig en verwijder het als je het niet meer nodig hebt.</translation>
    </message>
    <message>
        <source>Warning: anyone who sees these QR codes can copy your accounts. Show them only to your own phone and delete the pictures afterwards.</source>
        <translation>Let op: iedereen die deze QR-codes ziet, kan je accounts kopiëren. Laat ze alleen aan je eigen telefoon zien en verwijder de afbeeldingen daarna.</translation>
    </message>
    <message>
        <source>Left out {label}: {reason}</source>
        <translation>Weggelaten: {label}: {reason}</translation>
    </message>
    <message>
        <source>Wrote a QR code. In Google Authenticator, choose Transfer accounts, Import accounts, and scan it:</source>
        <translation>Eén QR-code geschreven. Kies in Google Authenticator Accounts overzetten, Accounts importeren, en scan hem:</translation>
    </message>
    <message>
        <source>Wrote {codes} QR codes with {count} accounts. In Google Authenticator, choose Transfer accounts, Import accounts, and scan them in order:</source>
        <translation>{codes} QR-codes met {count} accounts geschreven. Kies in Google Authenticator Accounts overzetten, Accounts importeren, en scan ze op volgorde:</translation>
    </message>
    <message>
        <source>Removed {path}</source>
        <translation>{path} verwijderd</translation>
    </message>
    <message>
        <source>Tweestap is in the application menu ({path}) and opens otpauth:// links.</source>
        <translation>Tweestap staat in het programmamenu ({path}) en opent otpauth://-links.</translation>
    </message>
</context>
<context>
    <name>ClockBanner</name>
    <message>
        <source>How to fix the clock</source>
        <translation>Zo zet je de klok goed</translation>
    </message>
    <message>
        <source>Correct codes for this offset</source>
        <translation>Codes corrigeren voor dit verschil</translation>
    </message>
    <message>
        <source>Stop correcting</source>
        <translation>Stoppen met corrigeren</translation>
    </message>
    <message>
        <source>The measurement is not precise enough to correct the codes for it.</source>
        <translation>De meting is niet nauwkeurig genoeg om de codes ervoor te corrigeren.</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>Klok</translation>
    </message>
    <message>
        <source>{count} seconds</source>
        <translation>{count} seconden</translation>
    </message>
    <message>
        <source>{count} minutes</source>
        <translation>{count} minuten</translation>
    </message>
    <message>
        <source>{count} hours</source>
        <translation>{count} uur</translation>
    </message>
    <message>
        <source>Your computer clock is {amount} behind; codes may therefore be invalid.</source>
        <translation>Je computerklok loopt {amount} achter; codes kunnen daardoor ongeldig zijn.</translation>
    </message>
    <message>
        <source>Your computer clock is {amount} ahead; codes may therefore be invalid.</source>
        <translation>Je computerklok loopt {amount} voor; codes kunnen daardoor ongeldig zijn.</translation>
    </message>
    <message>
        <source>Codes corrected by {sign}{seconds} s: your computer clock is {amount} behind (measured {when}).</source>
        <translation>Codes gecorrigeerd met {sign}{seconds} s: je computerklok loopt {amount} achter (gemeten {when}).</translation>
    </message>
    <message>
        <source>Codes corrected by {sign}{seconds} s: your computer clock is {amount} ahead (measured {when}).</source>
        <translation>Codes gecorrigeerd met {sign}{seconds} s: je computerklok loopt {amount} voor (gemeten {when}).</translation>
    </message>
    <message>
        <source>today at {time}</source>
        <translation>vandaag om {time}</translation>
    </message>
    <message>
        <source>yesterday at {time}</source>
        <translation>gisteren om {time}</translation>
    </message>
    <message>
        <source>Set the clock right</source>
        <translation>De klok goed zetten</translation>
    </message>
    <message>
        <source>Let your computer set its clock automatically from the internet.</source>
        <translation>Laat je computer de klok automatisch via internet gelijkzetten.</translation>
    </message>
    <message>
        <source>Open Settings, then Time &amp; language, then Date &amp; time. Turn on “Set time automatically” and “Set time zone automatically”, then click “Sync now”.</source>
        <translation>Open Instellingen, dan Tijd en taal, dan Datum en tijd. Zet “Tijd automatisch instellen” en “Tijdzone automatisch instellen” aan en klik op “Nu synchroniseren”.</translation>
    </message>
    <message>
        <source>Open System Settings, then General, then Date &amp; Time. Turn on “Set time and date automatically” and check the time zone.</source>
        <translation>Open Systeeminstellingen, dan Algemeen, dan Datum en tijd. Zet “Stel tijd en datum automatisch in” aan en controleer de tijdzone.</translation>
    </message>
    <message>
        <source>Open your desktop&apos;s settings, then Date &amp; Time, and turn on automatic date and time. In a terminal, “timedatectl set-ntp true” does the same.</source>
        <translation>Open de instellingen van je bureaublad, dan Datum en tijd, en zet automatische datum en tijd aan. In een terminal doet “timedatectl set-ntp true” hetzelfde.</translation>
    </message>
    <message>
        <source>If you may not change the clock on this computer, ask your IT department. Until then Tweestap can correct its codes for the difference.</source>
        <translation>Mag je de klok op deze computer niet aanpassen? Vraag het dan aan je IT-afdeling. Tot die tijd kan Tweestap de codes voor het verschil corrigeren.</translation>
    </message>
</context>
<context>
    <name>CodeDelegate</name>
    <message>
        <source>Next code</source>
        <translation>Volgende code</translation>
    </message>
    <message>
        <source>next</source>
        <translation>volgende</translation>
    </message>
</context>
<context>
    <name>CodeHelpDialog</name>
    <message>
        <source>What to do if a code does not work</source>
        <translation>Wat moet ik doen als de code niet werkt</translation>
    </message>
    <message>
        <source>What to do if a code does not work?</source>
        <translation>Wat moet ik doen als de code niet werkt?</translation>
    </message>
    <message>
        <source>Go through these steps. Tweestap checks what it can check itself, for the account you choose here; see also the help of the site you log in to.</source>
        <translation>Loop deze stappen door. Tweestap controleert zelf wat het kan controleren, voor het account dat je hier kiest. Kijk daarnaast ook in de hulp van de site waarop je inlogt.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Account:</translation>
    </message>
    <message>
        <source>How to fix the clock</source>
        <translation>Zo zet je de klok goed</translation>
    </message>
    <message>
        <source>Correct codes for this offset</source>
        <translation>Codes corrigeren voor dit verschil</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>&amp;Opnieuw controleren</translation>
    </message>
    <message>
        <source>Do you use the most recent code?</source>
        <translation>Gebruik je de meest recente code?</translation>
    </message>
    <message>
        <source>Is it the code of the right account?</source>
        <translation>Hoort de code bij het juiste account?</translation>
    </message>
    <message>
        <source>Is the time on this computer right?</source>
        <translation>Klopt de tijd op deze computer?</translation>
    </message>
    <message>
        <source>Was the pairing completed?</source>
        <translation>Is de koppeling afgerond?</translation>
    </message>
    <message>
        <source>Still not working?</source>
        <translation>Werkt het nog niet?</translation>
    </message>
    <message>
        <source>Ask an administrator with the right to module P&amp;O to reset your two-step verification (module P&amp;O &gt; P&amp;O beheer &gt; Medewerkers &gt; tab Account &gt; [reset tweestapsverificatie]). At your next login you see a new QR code: add it to Tweestap and let it replace the old entry.</source>
        <translation>Vraag een beheerder met recht op module P&amp;O om je tweestapsverificatie te resetten (module P&amp;O &gt; P&amp;O beheer &gt; Medewerkers &gt; tabblad Account &gt; [reset tweestapsverificatie]). Bij de volgende keer inloggen zie je een nieuwe QR-code: voeg die toe aan Tweestap en laat de oude regel vervangen.</translation>
    </message>
    <message>
        <source>Login help for two-step verification (zilliz.nl/inloghulp)</source>
        <translation>Inloghulp 2FA voor medewerkers (zilliz.nl/inloghulp)</translation>
    </message>
    <message>
        <source>Login help (opens in your web browser)</source>
        <translation>Inloghulp (opent in je webbrowser)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Sluiten</translation>
    </message>
    <message>
        <source>There are no accounts in Tweestap yet.</source>
        <translation>Er staan nog geen accounts in Tweestap.</translation>
    </message>
    <message>
        <source>This account counts instead of using the time: each press of Next code makes a new code, and the site accepts each code once. Make a new code and type that one.</source>
        <translation>Dit account telt in plaats van de tijd te gebruiken: elke keer dat je op Volgende code drukt, komt er een nieuwe code, en de site accepteert elke code maar één keer. Maak een nieuwe code en typ die.</translation>
    </message>
    <message>
        <source>The code {code} changes in {seconds} s: wait for the next one, {next}, and type that.</source>
        <translation>De code {code} verandert over {seconds} s: wacht op de volgende, {next}, en typ die.</translation>
    </message>
    <message>
        <source>Tweestap shows {code} now, for {seconds} more seconds. A new code comes every {period} seconds: always type the code that is on screen.</source>
        <translation>Tweestap toont nu {code}, nog {seconds} seconden. Elke {period} seconden komt er een nieuwe code: typ altijd de code die in beeld is.</translation>
    </message>
    <message>
        <source>This code belongs to {name} at {issuer}. Is that the account you log in with?</source>
        <translation>Deze code hoort bij account {name} van {issuer}. Log je met dat account in?</translation>
    </message>
    <message>
        <source>This code belongs to {name}. Is that the account you log in with?</source>
        <translation>Deze code hoort bij {name}. Log je met dat account in?</translation>
    </message>
    <message>
        <source>You have another entry for {issuer} ({names}): choose the one you log in with above, and delete an entry you no longer use.</source>
        <translation>Je hebt nog een regel voor {issuer} ({names}): kies hierboven het account waarmee je inlogt, en verwijder een regel die je niet meer gebruikt.</translation>
    </message>
    <message>
        <source>You have {count} more entries for {issuer} ({names}): choose the one you log in with above, and delete entries you no longer use.</source>
        <translation>Je hebt nog {count} regels voor {issuer} ({names}): kies hierboven het account waarmee je inlogt, en verwijder regels die je niet meer gebruikt.</translation>
    </message>
    <message>
        <source>Tweestap cannot compare the clock here. Set the date and time of your computer and your phone to automatic.</source>
        <translation>Tweestap kan de klok hier niet vergelijken. Zet de datum en tijd van je computer en je telefoon op automatisch.</translation>
    </message>
    <message>
        <source>The clock check is off (File &gt; Settings). Set the date and time of your computer to automatic.</source>
        <translation>De klokcontrole staat uit (Bestand &gt; Instellingen). Zet de datum en tijd van je computer op automatisch.</translation>
    </message>
    <message>
        <source>Comparing this computer&apos;s clock with {sources}…</source>
        <translation>De klok van deze computer wordt vergeleken met {sources}…</translation>
    </message>
    <message>
        <source>The clock has not been compared yet.</source>
        <translation>De klok is nog niet vergeleken.</translation>
    </message>
    <message>
        <source>The clock could not be compared: neither the time server nor the 2FA server answered. Set the date and time of your computer and your phone to automatic.</source>
        <translation>De klok kon niet worden vergeleken: de tijdserver en de 2FA-server gaven geen antwoord. Zet de datum en tijd van je computer en je telefoon op automatisch.</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is {amount}, and Tweestap corrects its codes for that (compared with {sources}).</source>
        <translation>De klok van deze computer loopt {amount}, en Tweestap corrigeert zijn codes daarvoor (vergeleken met {sources}).</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is {amount} (compared with {sources}): codes made with it are not accepted. Set the clock right, or let Tweestap correct its codes.</source>
        <translation>De klok van deze computer loopt {amount} (vergeleken met {sources}): codes die daarmee gemaakt zijn, worden niet geaccepteerd. Zet de klok goed, of laat Tweestap zijn codes corrigeren.</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is right: it differs less than {limit} seconds from {sources}. Check that your phone, if you use one too, sets its time automatically.</source>
        <translation>De klok van deze computer loopt gelijk: hij verschilt minder dan {limit} seconden met {sources}. Gebruik je ook een telefoon? Controleer dan dat die zijn tijd automatisch instelt.</translation>
    </message>
    <message>
        <source>Does the login page show a QR code again? Then the pairing was not completed: add that new QR code to Tweestap (it asks whether to replace the old entry), and type the code on the login page right away.</source>
        <translation>Krijg je op de inlogpagina opnieuw de QR-code te zien? Dan is de koppeling niet afgerond: voeg die nieuwe QR-code toe aan Tweestap (Tweestap vraagt of de oude regel vervangen moet worden) en vul meteen de code in op de inlogpagina.</translation>
    </message>
    <message>
        <source>Tweestap does not know when this account was added.</source>
        <translation>Tweestap weet niet wanneer dit account is toegevoegd.</translation>
    </message>
    <message>
        <source>This account replaced an older entry for the same login {when}: codes of the old pairing, also on another device, no longer work.</source>
        <translation>Dit account heeft {when} een oudere regel voor dezelfde login vervangen: codes van de oude koppeling, ook op een ander apparaat, werken niet meer.</translation>
    </message>
    <message>
        <source>This account was added {when}.</source>
        <translation>Dit account is {when} toegevoegd.</translation>
    </message>
    <message>
        <source>the time server and the 2FA server</source>
        <translation>de tijdserver en de 2FA-server</translation>
    </message>
    <message>
        <source>the 2FA server</source>
        <translation>de 2FA-server</translation>
    </message>
    <message>
        <source>the time server</source>
        <translation>de tijdserver</translation>
    </message>
    <message>
        <source>{seconds} seconds behind</source>
        <translation>{seconds} seconden achter</translation>
    </message>
    <message>
        <source>{seconds} seconds ahead</source>
        <translation>{seconds} seconden voor</translation>
    </message>
    <message>
        <source>on {date} at {time}</source>
        <translation>op {date} om {time}</translation>
    </message>
    <message>
        <source>In order</source>
        <translation>In orde</translation>
    </message>
    <message>
        <source>Check this</source>
        <translation>Controleer dit</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>Bezig met controleren</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Let op</translation>
    </message>
</context>
<context>
    <name>CodeListView</name>
    <message>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>Press and hold a code, or press Enter, to copy it to the clipboard.</source>
        <translation>Houd een code lang ingedrukt, of druk op Enter, om hem naar het klembord te kopiëren.</translation>
    </message>
</context>
<context>
    <name>CodeSettingsForm</name>
    <message>
        <source>Time-based (TOTP)</source>
        <translation>Op tijd gebaseerd (TOTP)</translation>
    </message>
    <message>
        <source>Counter-based (HOTP)</source>
        <translation>Op teller gebaseerd (HOTP)</translation>
    </message>
    <message>
        <source>Steam</source>
        <translation>Steam</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Soort:</translation>
    </message>
    <message>
        <source>Type of code</source>
        <translation>Soort code</translation>
    </message>
    <message>
        <source>A&amp;lgorithm:</source>
        <translation>A&amp;lgoritme:</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>Algoritme</translation>
    </message>
    <message>
        <source>D&amp;igits:</source>
        <translation>&amp;Cijfers:</translation>
    </message>
    <message>
        <source>Number of digits</source>
        <translation>Aantal cijfers</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periode:</translation>
    </message>
    <message>
        <source>Period in seconds</source>
        <translation>Periode in seconden</translation>
    </message>
    <message>
        <source>&amp;Counter:</source>
        <translation>T&amp;eller:</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Teller</translation>
    </message>
    <message>
        <source>Steam, 5 characters, every {period} s</source>
        <translation>Steam, 5 tekens, elke {period} s</translation>
    </message>
    <message>
        <source>Counter-based, {algorithm}, {digits} digits, counter {counter}</source>
        <translation>Op teller, {algorithm}, {digits} cijfers, teller {counter}</translation>
    </message>
    <message>
        <source>Time-based, {algorithm}, {digits} digits, every {period} s</source>
        <translation>Op tijd, {algorithm}, {digits} cijfers, elke {period} s</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Log in as an administrator with module P&amp;O to manage two-step verification and the employees&apos; accounts.</source>
        <translation>Log in als beheerder met recht op module P&amp;O om tweestapsverificatie en de accounts van medewerkers te beheren.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Administration: log in</source>
        <translation>Beheer: inloggen</translation>
    </message>
    <message>
        <source>The address of your organisation&apos;s two-step verification. If you were not given another address, keep this one: Tweestap takes care of it on this computer.</source>
        <translation>Het adres van de tweestapsverificatie van je organisatie. Heb je geen ander adres gekregen, laat dit dan staan: Tweestap regelt het zelf op deze computer.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Inloggen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleer</translation>
    </message>
    <message>
        <source>Two-step verification</source>
        <translation>Tweestapsverificatie</translation>
    </message>
    <message>
        <source>Setup key</source>
        <translation>Instelsleutel</translation>
    </message>
    <message>
        <source>Add to Tweestap</source>
        <translation>Toevoegen aan Tweestap</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>6-digit code</source>
        <translation>code van 6 cijfers</translation>
    </message>
    <message>
        <source>Send a new code</source>
        <translation>Stuur een nieuwe code</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Terug</translation>
    </message>
    <message>
        <source>Fill in your username and password.</source>
        <translation>Vul je gebruikersnaam en wachtwoord in.</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Inloggen…</translation>
    </message>
    <message>
        <source>Looking for the server on this computer…</source>
        <translation>Server op deze computer zoeken…</translation>
    </message>
    <message>
        <source>Two-step verification is not set up for {name} yet. Add this setup key to your authenticator app (or to Tweestap), then enter the code it shows.</source>
        <translation>Tweestapsverificatie is voor {name} nog niet ingesteld. Voeg deze instelsleutel toe aan je Authenticator-app (of aan Tweestap) en vul daarna de code in die de app toont.</translation>
    </message>
    <message>
        <source>A code has been sent to {address}. Enter it here.</source>
        <translation>Er is een code verstuurd naar {address}. Vul die hier in.</translation>
    </message>
    <message>
        <source>Enter the code of {name} from your authenticator app.</source>
        <translation>Vul de code van {name} uit je Authenticator-app in.</translation>
    </message>
    <message>
        <source>Use the code from Tweestap ({account})</source>
        <translation>Gebruik de code uit Tweestap ({account})</translation>
    </message>
    <message>
        <source>Added to Tweestap</source>
        <translation>Toegevoegd aan Tweestap</translation>
    </message>
    <message>
        <source>Enter the code.</source>
        <translation>Vul de code in.</translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation>Code controleren…</translation>
    </message>
    <message>
        <source>A new code has been sent to {address}.</source>
        <translation>Er is een nieuwe code verstuurd naar {address}.</translation>
    </message>
    <message>
        <source>Sending a code…</source>
        <translation>Code versturen…</translation>
    </message>
</context>
<context>
    <name>DeleteFileOffer</name>
    <message>
        <source>Delete the screenshot? It contains the setup key.</source>
        <translation>De schermafbeelding verwijderen? Die bevat de instelsleutel.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <source>Delete the screenshot</source>
        <translation>De schermafbeelding verwijderen</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>&amp;Bewaren</translation>
    </message>
    <message>
        <source>Keep the screenshot</source>
        <translation>De schermafbeelding bewaren</translation>
    </message>
    <message>
        <source>The screenshot could not be deleted ({reason}). Delete {path} yourself.</source>
        <translation>De schermafbeelding kon niet worden verwijderd ({reason}). Verwijder {path} zelf.</translation>
    </message>
    <message>
        <source>The screenshot was moved to the trash. Empty the trash to remove it for good.</source>
        <translation>De schermafbeelding staat nu in de prullenbak. Leeg de prullenbak om hem definitief te verwijderen.</translation>
    </message>
    <message>
        <source>The screenshot was deleted.</source>
        <translation>De schermafbeelding is verwijderd.</translation>
    </message>
</context>
<context>
    <name>DeleteQuestion</name>
    <message>
        <source>Delete account</source>
        <translation>Account verwijderen</translation>
    </message>
    <message>
        <source>Delete {label}?</source>
        <translation>{label} verwijderen?</translation>
    </message>
    <message>
        <source>Its codes will no longer be shown here. If you still need this account to log in, make sure you have it on another device first — the site will otherwise have to reset your two-step verification.</source>
        <translation>De codes ervan worden hier dan niet meer getoond. Heb je dit account nog nodig om in te loggen? Zorg dan eerst dat je het op een ander apparaat hebt — anders moet de tweestapsverificatie voor dit account worden gereset.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleer</translation>
    </message>
</context>
<context>
    <name>EditAccountDialog</name>
    <message>
        <source>Edit account</source>
        <translation>Account wijzigen</translation>
    </message>
    <message>
        <source>The new name is only shown here; the codes of the account stay the same.</source>
        <translation>De nieuwe naam zie je alleen hier; de codes van het account blijven hetzelfde.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleer</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Opslaan</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>You already have an account for {issuer} ({name}).</source>
        <translation>Je hebt al een account voor {issuer} ({name}).</translation>
    </message>
    <message>
        <source>You already have an account named {name}.</source>
        <translation>Je hebt al een account met de naam {name}.</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>No accounts yet</source>
        <translation>Nog geen accounts</translation>
    </message>
    <message>
        <source>Tweestap shows the codes for two-step verification. To add an account:</source>
        <translation>Tweestap toont de codes voor tweestapsverificatie. Zo voeg je een account toe:</translation>
    </message>
    <message>
        <source>Log in to the website that asks for a code, for example Zilliz. It shows a QR code and a setup key.</source>
        <translation>Log in op de website die om een code vraagt, bijvoorbeeld Zilliz. Je ziet dan een QR-code en een instelsleutel.</translation>
    </message>
    <message>
        <source>Click &lt;b&gt;Add account&lt;/b&gt;, then scan the QR code or paste the setup key.</source>
        <translation>Klik op &lt;b&gt;Account toevoegen&lt;/b&gt; en scan de QR-code of plak de instelsleutel.</translation>
    </message>
    <message>
        <source>Type the code that Tweestap shows on the login page to finish pairing.</source>
        <translation>Vul de code die Tweestap toont in op de inlogpagina om de koppeling te voltooien.</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Account toevoegen</translation>
    </message>
</context>
<context>
    <name>EnrollmentChart</name>
    <message>
        <source>Enrollment chart</source>
        <translation>Grafiek koppelingen</translation>
    </message>
    <message>
        <source>no accounts</source>
        <translation>geen accounts</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The issuer contains a character that is not valid text ({code}).</source>
        <translation>De dienst bevat een teken dat geen geldige tekst is ({code}).</translation>
    </message>
    <message>
        <source>The account name contains a character that is not valid text ({code}).</source>
        <translation>De accountnaam bevat een teken dat geen geldige tekst is ({code}).</translation>
    </message>
    <message>
        <source>The setup key is empty.</source>
        <translation>De instelsleutel is leeg.</translation>
    </message>
    <message>
        <source>Steam codes always have 5 characters, not {digits}.</source>
        <translation>Steam-codes hebben altijd 5 tekens, niet {digits}.</translation>
    </message>
    <message>
        <source>Steam codes always use SHA1, not {algorithm}.</source>
        <translation>Steam-codes gebruiken altijd SHA1, niet {algorithm}.</translation>
    </message>
    <message>
        <source>A code must have 6, 7 or 8 digits, not {digits}.</source>
        <translation>Een code moet 6, 7 of 8 cijfers hebben, niet {digits}.</translation>
    </message>
    <message>
        <source>The period must be between 1 second and 24 hours, not {period} seconds.</source>
        <translation>De periode moet tussen 1 seconde en 24 uur liggen, niet {period} seconden.</translation>
    </message>
    <message>
        <source>The counter cannot be negative ({counter}).</source>
        <translation>De teller kan niet negatief zijn ({counter}).</translation>
    </message>
    <message>
        <source>The counter {counter} is too large: the limit is {limit}.</source>
        <translation>De teller {counter} is te groot: het maximum is {limit}.</translation>
    </message>
    <message>
        <source>The issuer is {length} characters long; Tweestap keeps at most {limit}.</source>
        <translation>De dienst is {length} tekens lang; Tweestap bewaart er hoogstens {limit}.</translation>
    </message>
    <message>
        <source>The account name is {length} characters long; Tweestap keeps at most {limit}.</source>
        <translation>De accountnaam is {length} tekens lang; Tweestap bewaart er hoogstens {limit}.</translation>
    </message>
    <message>
        <source>The setup key is {size} bytes long; Tweestap keeps at most {limit}.</source>
        <translation>De instelsleutel is {size} bytes lang; Tweestap bewaart er hoogstens {limit}.</translation>
    </message>
    <message>
        <source>The counter {counter} is larger than other authenticator apps can hold (at most {limit}); no site counts that far.</source>
        <translation>De teller {counter} is groter dan andere authenticator-apps kunnen bewaren (hoogstens {limit}); geen enkele site telt zo ver.</translation>
    </message>
    <message>
        <source>The setup key contains the digit {char}, which setup keys never use. Did you mean the letter {letter}?</source>
        <translation>De instelsleutel bevat het cijfer {char}, dat nooit in een instelsleutel voorkomt. Bedoel je de letter {letter}?</translation>
    </message>
    <message>
        <source>The setup key contains “{char}”; a setup key has only the letters A to Z and the digits 2 to 7.</source>
        <translation>De instelsleutel bevat “{char}”; een instelsleutel heeft alleen de letters A tot en met Z en de cijfers 2 tot en met 7.</translation>
    </message>
    <message>
        <source>The setup key has {length} characters, a length no setup key can have: a character is probably missing or extra.</source>
        <translation>De instelsleutel heeft {length} tekens, een lengte die geen instelsleutel kan hebben: er ontbreekt waarschijnlijk een teken of er staat er een te veel.</translation>
    </message>
    <message>
        <source>The link has no setup key (the &apos;secret&apos; parameter is missing).</source>
        <translation>De link bevat geen instelsleutel (de parameter &apos;secret&apos; ontbreekt).</translation>
    </message>
    <message>
        <source>The link does not say whether it is for &apos;totp&apos; or &apos;hotp&apos; codes.</source>
        <translation>De link zegt niet of hij voor &apos;totp&apos;- of &apos;hotp&apos;-codes is.</translation>
    </message>
    <message>
        <source>The link is for &apos;{kind}&apos; codes; Tweestap supports totp, hotp and steam codes.</source>
        <translation>De link is voor &apos;{kind}&apos;-codes; Tweestap ondersteunt totp-, hotp- en steam-codes.</translation>
    </message>
    <message>
        <source>The details of this account are missing or damaged, so it was not imported.</source>
        <translation>De gegevens van dit account ontbreken of zijn beschadigd, dus het is niet geïmporteerd.</translation>
    </message>
    <message>
        <source>This is a {kind} account; Tweestap can only make TOTP, HOTP and Steam codes.</source>
        <translation>Dit is een {kind}-account; Tweestap kan alleen TOTP-, HOTP- en Steam-codes maken.</translation>
    </message>
    <message>
        <source>The algorithm &apos;{algorithm}&apos; is unknown; codes can use SHA1, SHA256 or SHA512.</source>
        <translation>Het algoritme &apos;{algorithm}&apos; is onbekend; codes kunnen SHA1, SHA256 of SHA512 gebruiken.</translation>
    </message>
    <message>
        <source>This {format} file was made by a newer version of {format} than Tweestap can read. Nothing was imported.</source>
        <translation>Dit {format}-bestand is gemaakt door een nieuwere versie van {format} dan Tweestap kan lezen. Er is niets geïmporteerd.</translation>
    </message>
    <message>
        <source>Tweestap cannot open encrypted {format} exports. Export your accounts from {format} again without a password, import that file, then delete it.</source>
        <translation>Tweestap kan versleutelde exports van {format} niet openen. Exporteer je accounts opnieuw uit {format} zonder wachtwoord, importeer dat bestand en verwijder het daarna.</translation>
    </message>
    <message>
        <source>The file is empty: there is nothing to import.</source>
        <translation>Het bestand is leeg: er valt niets te importeren.</translation>
    </message>
    <message>
        <source>The link asks for codes written with the &apos;{encoder}&apos; encoder; Tweestap only knows Steam&apos;s.</source>
        <translation>De link vraagt om codes in de schrijfwijze &apos;{encoder}&apos;; Tweestap kent alleen die van Steam.</translation>
    </message>
    <message>
        <source>The link is for hotp codes written as Steam codes, which do not exist.</source>
        <translation>De link is voor hotp-codes in de schrijfwijze van Steam, en die bestaan niet.</translation>
    </message>
    <message>
        <source>The value of &apos;{key}&apos; in the link must be a whole number, not &apos;{value}&apos;.</source>
        <translation>De waarde van &apos;{key}&apos; in de link moet een geheel getal zijn, niet &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>The value of &apos;{key}&apos; in the link is far too large.</source>
        <translation>De waarde van &apos;{key}&apos; in de link is veel te groot.</translation>
    </message>
    <message>
        <source>There is nothing to read: the text is empty.</source>
        <translation>Er is niets te lezen: de tekst is leeg.</translation>
    </message>
    <message>
        <source>This is a Google Authenticator export, which holds several accounts; use Import to add them all.</source>
        <translation>Dit is een export uit Google Authenticator, met meerdere accounts; gebruik Importeren om ze allemaal toe te voegen.</translation>
    </message>
    <message>
        <source>This is a web address, not an account link. An account link starts with otpauth://; the login page shows it as a QR code or a setup key.</source>
        <translation>Dit is een webadres, geen accountlink. Een accountlink begint met otpauth://; de inlogpagina toont hem als QR-code of als instelsleutel.</translation>
    </message>
    <message>
        <source>This is not an account link: an account link starts with otpauth://.</source>
        <translation>Dit is geen accountlink: een accountlink begint met otpauth://.</translation>
    </message>
    <message>
        <source>Give either a search text or --uri, not both.</source>
        <translation>Geef een zoektekst of --uri, niet allebei.</translation>
    </message>
    <message>
        <source>--advance moves the counter of a stored account; a link given with --uri is not stored.</source>
        <translation>--advance verzet de teller van een opgeslagen account; een link die met --uri is gegeven, wordt niet opgeslagen.</translation>
    </message>
    <message>
        <source>Give either a link or --key, not both.</source>
        <translation>Geef een link of --key, niet allebei.</translation>
    </message>
    <message>
        <source>A link carries its own code settings; --type, --algorithm, --digits, --period and --counter go with --key.</source>
        <translation>Een link heeft zijn eigen code-instellingen; --type, --algorithm, --digits, --period en --counter horen bij --key.</translation>
    </message>
    <message>
        <source>The link gives the account no name; give one with --account.</source>
        <translation>De link geeft het account geen naam; geef er een met --account.</translation>
    </message>
    <message>
        <source>Give an otpauth:// link, or a setup key with --key.</source>
        <translation>Geef een otpauth://-link, of een instelsleutel met --key.</translation>
    </message>
    <message>
        <source>With --key, also give the account name with --account.</source>
        <translation>Geef bij --key ook de accountnaam met --account.</translation>
    </message>
    <message>
        <source>--counter is only for HOTP accounts (--type hotp).</source>
        <translation>--counter is alleen voor HOTP-accounts (--type hotp).</translation>
    </message>
    <message>
        <source>--period is not used by HOTP accounts (--type hotp).</source>
        <translation>--period wordt niet gebruikt door HOTP-accounts (--type hotp).</translation>
    </message>
    <message>
        <source>Give the new account name with --account.</source>
        <translation>Geef de nieuwe accountnaam met --account.</translation>
    </message>
    <message>
        <source>No account matches “{query}”.</source>
        <translation>Geen account past bij “{query}”.</translation>
    </message>
    <message>
        <source>Type a name for the account, for example your user name on that site.</source>
        <translation>Geef het account een naam, bijvoorbeeld je gebruikersnaam bij die dienst.</translation>
    </message>
    <message>
        <source>The file with your accounts, {path}, cannot be read: it is damaged or was changed outside Tweestap. It has been kept untouched. You can start again with an empty list; the damaged file is then kept aside as a copy.</source>
        <translation>Het bestand met je accounts, {path}, kan niet gelezen worden: het is beschadigd of buiten Tweestap gewijzigd. Het is onaangeroerd gelaten. Je kunt opnieuw beginnen met een lege lijst; het beschadigde bestand wordt dan als kopie bewaard.</translation>
    </message>
    <message>
        <source>The file with your accounts, {path}, was written by a newer version of Tweestap (format {version}). Update Tweestap to open it; the file has been kept untouched.</source>
        <translation>Het bestand met je accounts, {path}, is geschreven door een nieuwere versie van Tweestap (formaat {version}). Werk Tweestap bij om het te openen; het bestand is onaangeroerd gelaten.</translation>
    </message>
    <message>
        <source>The file with your accounts, {path}, cannot be opened ({reason}).</source>
        <translation>Het bestand met je accounts, {path}, kan niet geopend worden ({reason}).</translation>
    </message>
    <message>
        <source>The password in TWEESTAP_PASSWORD is wrong; nothing was opened or changed.</source>
        <translation>Het wachtwoord in TWEESTAP_PASSWORD is onjuist; er is niets geopend of gewijzigd.</translation>
    </message>
    <message>
        <source>The password is wrong; nothing was opened or changed.</source>
        <translation>Het wachtwoord is onjuist; er is niets geopend of gewijzigd.</translation>
    </message>
    <message>
        <source>Your accounts in {path} are protected by a password. Type it when asked, or set TWEESTAP_PASSWORD.</source>
        <translation>Je accounts in {path} zijn beveiligd met een wachtwoord. Typ het wanneer erom gevraagd wordt, of stel TWEESTAP_PASSWORD in.</translation>
    </message>
    <message>
        <source>Tweestap needs a new password to protect your accounts, because the system keyring cannot be used. Nothing was stored. Type a password when asked, or set TWEESTAP_PASSWORD.</source>
        <translation>Tweestap heeft een nieuw wachtwoord nodig om je accounts te beveiligen, omdat de sleutelbos van het systeem niet gebruikt kan worden. Er is niets opgeslagen. Typ een wachtwoord wanneer erom gevraagd wordt, of stel TWEESTAP_PASSWORD in.</translation>
    </message>
    <message>
        <source>The password cannot be empty; nothing was stored.</source>
        <translation>Het wachtwoord mag niet leeg zijn; er is niets opgeslagen.</translation>
    </message>
    <message>
        <source>The system keyring holds a key for your accounts in {path} (entry “{entry}”) that does not open them. The file has been kept untouched; restore the keyring from a backup, or start again with an empty list.</source>
        <translation>De sleutelbos van het systeem bevat een sleutel voor je accounts in {path} (item “{entry}”) die ze niet opent. Het bestand is onaangeroerd gelaten; zet de sleutelbos terug uit een back-up, of begin opnieuw met een lege lijst.</translation>
    </message>
    <message>
        <source>The key to your accounts in {path} is missing from the system keyring (entry “{entry}”), so they cannot be opened. The file has been kept untouched; restore the keyring from a backup, or start again with an empty list.</source>
        <translation>De sleutel van je accounts in {path} ontbreekt in de sleutelbos van het systeem (item “{entry}”), dus ze kunnen niet geopend worden. Het bestand is onaangeroerd gelaten; zet de sleutelbos terug uit een back-up, of begin opnieuw met een lege lijst.</translation>
    </message>
    <message>
        <source>Your accounts in {path} are protected by a key in the system keyring, but the keyring is locked. Unlock it and try again; the file has been kept untouched.</source>
        <translation>Je accounts in {path} zijn beveiligd met een sleutel in de sleutelbos van het systeem, maar de sleutelbos is vergrendeld. Ontgrendel hem en probeer het opnieuw; het bestand is onaangeroerd gelaten.</translation>
    </message>
    <message>
        <source>Your accounts in {path} are protected by a key in the system keyring, but no system keyring is available now. Start Tweestap in your desktop session (where the keyring runs) and try again; the file has been kept untouched.</source>
        <translation>Je accounts in {path} zijn beveiligd met een sleutel in de sleutelbos van het systeem, maar er is nu geen sleutelbos beschikbaar. Start Tweestap in je bureaubladsessie (waar de sleutelbos draait) en probeer het opnieuw; het bestand is onaangeroerd gelaten.</translation>
    </message>
    <message>
        <source>Your accounts in {path} are protected by a key in the system keyring, but the keyring did not work ({detail}). Try again; the file has been kept untouched.</source>
        <translation>Je accounts in {path} zijn beveiligd met een sleutel in de sleutelbos van het systeem, maar de sleutelbos werkte niet ({detail}). Probeer het opnieuw; het bestand is onaangeroerd gelaten.</translation>
    </message>
    <message>
        <source>An account for {label} already exists (id {id}).</source>
        <translation>Er bestaat al een account voor {label} (id {id}).</translation>
    </message>
    <message>
        <source>No account has the id {id}.</source>
        <translation>Geen enkel account heeft het id {id}.</translation>
    </message>
    <message>
        <source>{count} accounts have an id starting with {prefix}; give more of the id.</source>
        <translation>{count} accounts hebben een id dat begint met {prefix}; geef meer tekens van het id.</translation>
    </message>
    <message>
        <source>Your change could not be saved in {path} ({reason}); nothing was changed.</source>
        <translation>Je wijziging kon niet worden opgeslagen in {path} ({reason}); er is niets gewijzigd.</translation>
    </message>
    <message>
        <source>The file with your accounts, {path}, was changed by another Tweestap in a way this one cannot follow. Your change was not saved; close Tweestap and open it again.</source>
        <translation>Het bestand met je accounts, {path}, is door een andere Tweestap gewijzigd op een manier die deze niet kan volgen. Je wijziging is niet opgeslagen; sluit Tweestap en open het opnieuw.</translation>
    </message>
    <message>
        <source>Tweestap is locked. Unlock it first; nothing was changed.</source>
        <translation>Tweestap is vergrendeld. Ontgrendel het eerst; er is niets gewijzigd.</translation>
    </message>
    <message>
        <source>No system keyring (such as GNOME Keyring, KWallet or the Windows Credential Manager) is available, so Tweestap protects your accounts with a password instead.</source>
        <translation>Er is geen sleutelbos van het systeem beschikbaar (zoals GNOME Keyring, KWallet of Windows Referentiebeheer), dus Tweestap beveiligt je accounts in plaats daarvan met een wachtwoord.</translation>
    </message>
    <message>
        <source>The system keyring is switched off for Tweestap (PYTHON_KEYRING_BACKEND), so Tweestap protects your accounts with a password instead.</source>
        <translation>De sleutelbos van het systeem staat uit voor Tweestap (PYTHON_KEYRING_BACKEND), dus Tweestap beveiligt je accounts in plaats daarvan met een wachtwoord.</translation>
    </message>
    <message>
        <source>The system keyring is locked, so Tweestap protects your accounts with a password instead.</source>
        <translation>De sleutelbos van het systeem is vergrendeld, dus Tweestap beveiligt je accounts in plaats daarvan met een wachtwoord.</translation>
    </message>
    <message>
        <source>The system keyring did not keep the key it was given, so Tweestap protects your accounts with a password instead.</source>
        <translation>De sleutelbos van het systeem heeft de gegeven sleutel niet bewaard, dus Tweestap beveiligt je accounts in plaats daarvan met een wachtwoord.</translation>
    </message>
    <message>
        <source>The system keyring did not work ({detail}), so Tweestap protects your accounts with a password instead.</source>
        <translation>De sleutelbos van het systeem werkte niet ({detail}), dus Tweestap beveiligt je accounts in plaats daarvan met een wachtwoord.</translation>
    </message>
    <message>
        <source>Your accounts are protected with a password because no system keyring could be used when they were first stored.</source>
        <translation>Je accounts zijn beveiligd met een wachtwoord omdat er geen sleutelbos van het systeem gebruikt kon worden toen ze voor het eerst werden opgeslagen.</translation>
    </message>
    <message>
        <source>Your accounts in {path} are protected by a password.</source>
        <translation>Je accounts in {path} zijn beveiligd met een wachtwoord.</translation>
    </message>
    <message>
        <source>With the app lock on, the key to your accounts is protected by this password instead of the system keyring. When Tweestap locks, nobody can see or copy your codes without the password, not even with access to your keyring and files.</source>
        <translation>Met de app-vergrendeling aan wordt de sleutel van je accounts beveiligd met dit wachtwoord in plaats van met de sleutelbos van het systeem. Als Tweestap vergrendeld is, kan niemand zonder het wachtwoord je codes zien of kopiëren, ook niet met toegang tot je sleutelbos en je bestanden.</translation>
    </message>
    <message>
        <source>Give one or more picture files, --screen or --camera.</source>
        <translation>Geef een of meer afbeeldingsbestanden, --screen of --camera.</translation>
    </message>
    <message>
        <source>Give only one kind of source: picture files, --screen or --camera.</source>
        <translation>Geef maar één soort bron: afbeeldingsbestanden, --screen of --camera.</translation>
    </message>
    <message>
        <source>The video file {path} does not exist.</source>
        <translation>Het videobestand {path} bestaat niet.</translation>
    </message>
    <message>
        <source>Camera {index} cannot be opened. Check that it is connected and not in use by another program (a video call, for instance).</source>
        <translation>Camera {index} kan niet worden geopend. Controleer of hij is aangesloten en niet door een ander programma wordt gebruikt (bijvoorbeeld een videogesprek).</translation>
    </message>
    <message>
        <source>The file {path} is not a video Tweestap can play.</source>
        <translation>Het bestand {path} is geen video die Tweestap kan afspelen.</translation>
    </message>
    <message>
        <source>Camera {index} opened but gives no picture. Close other programs that use it and try again.</source>
        <translation>Camera {index} is geopend maar geeft geen beeld. Sluit andere programma&apos;s die hem gebruiken en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>The video file {path} holds no pictures.</source>
        <translation>Het videobestand {path} bevat geen beelden.</translation>
    </message>
    <message>
        <source>This QR code is for Microsoft&apos;s own app (Microsoft Authenticator, for a work or school account); other apps cannot use it. On that page, choose “I want to use a different authenticator app” and scan the QR code it shows then.</source>
        <translation>Deze QR-code is voor de eigen app van Microsoft (Microsoft Authenticator, voor een werk- of schoolaccount); andere apps kunnen er niets mee. Kies op die pagina “Ik wil een andere authenticator-app gebruiken” en scan de QR-code die je dan ziet.</translation>
    </message>
    <message>
        <source>This QR code opens a web page ({address}), not an account link. To add an account, scan the QR code that the login page shows for an authenticator app.</source>
        <translation>Deze QR-code opent een webpagina ({address}); het is geen accountlink. Scan om een account toe te voegen de QR-code die de inlogpagina voor een authenticator-app toont.</translation>
    </message>
    <message>
        <source>This QR code is empty: it holds no account.</source>
        <translation>Deze QR-code is leeg: er staat geen account in.</translation>
    </message>
    <message>
        <source>This QR code holds “{content}”, which is not an account link. The QR code for an authenticator app holds a link that starts with otpauth://.</source>
        <translation>Deze QR-code bevat “{content}”; dat is geen accountlink. De QR-code voor een authenticator-app bevat een link die begint met otpauth://.</translation>
    </message>
    <message>
        <source>The clipboard holds no picture. Copy a screenshot or image of the QR code first, then paste it here.</source>
        <translation>Het klembord bevat geen afbeelding. Kopieer eerst een schermafbeelding of afbeelding van de QR-code en plak die dan hier.</translation>
    </message>
    <message>
        <source>The file {path} cannot be opened ({reason}).</source>
        <translation>Het bestand {path} kan niet worden geopend ({reason}).</translation>
    </message>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>Het bestand {path} bestaat niet.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a picture.</source>
        <translation>{path} is een map, geen afbeelding.</translation>
    </message>
    <message>
        <source>Tweestap is not allowed to read the file {path}.</source>
        <translation>Tweestap mag het bestand {path} niet lezen.</translation>
    </message>
    <message>
        <source>The file {path} is not a picture Tweestap can read. Use a screenshot or photo saved as PNG, JPEG, BMP, WebP, TIFF or GIF.</source>
        <translation>Het bestand {path} is geen afbeelding die Tweestap kan lezen. Gebruik een schermafbeelding of foto, opgeslagen als PNG, JPEG, BMP, WebP, TIFF of GIF.</translation>
    </message>
    <message>
        <source>The file {path} is empty, so it holds no QR code.</source>
        <translation>Het bestand {path} is leeg, er staat dus geen QR-code in.</translation>
    </message>
    <message>
        <source>The file {path} is too large to be a screenshot or photo of a QR code.</source>
        <translation>Het bestand {path} is te groot voor een schermafbeelding of foto van een QR-code.</translation>
    </message>
    <message>
        <source>This QR code is part {part} of {parts} of a Google Authenticator export. Scan the other parts too, then import all its accounts.</source>
        <translation>Deze QR-code is deel {part} van {parts} van een export uit Google Authenticator. Scan ook de andere delen en importeer dan alle accounts.</translation>
    </message>
    <message>
        <source>This QR code is a Google Authenticator export of 1 account. Import it?</source>
        <translation>Deze QR-code is een export uit Google Authenticator met 1 account. Wil je het importeren?</translation>
    </message>
    <message>
        <source>This QR code is a Google Authenticator export of {count} accounts. Import them all?</source>
        <translation>Deze QR-code is een export uit Google Authenticator met {count} accounts. Wil je ze allemaal importeren?</translation>
    </message>
    <message>
        <source>This is not a Google Authenticator export: an export link starts with otpauth-migration://.</source>
        <translation>Dit is geen export uit Google Authenticator: een exportlink begint met otpauth-migration://.</translation>
    </message>
    <message>
        <source>This Google Authenticator export link has no data (its &apos;data&apos; part is missing).</source>
        <translation>Deze exportlink van Google Authenticator bevat geen gegevens (het deel &apos;data&apos; ontbreekt).</translation>
    </message>
    <message>
        <source>This Google Authenticator export holds no accounts.</source>
        <translation>Deze export uit Google Authenticator bevat geen accounts.</translation>
    </message>
    <message>
        <source>Line {line} is not a Google Authenticator export link: such a line starts with otpauth-migration://.</source>
        <translation>Regel {line} is geen exportlink van Google Authenticator: zo&apos;n regel begint met otpauth-migration://.</translation>
    </message>
    <message>
        <source>There is no Google Authenticator export link in this text (such a link starts with otpauth-migration://).</source>
        <translation>Deze tekst bevat geen exportlink van Google Authenticator (zo&apos;n link begint met otpauth-migration://).</translation>
    </message>
    <message>
        <source>This Google Authenticator export cannot be read: its data is damaged or incomplete. Make a new export on your phone and scan that.</source>
        <translation>Deze export uit Google Authenticator is niet te lezen: de gegevens zijn beschadigd of onvolledig. Maak een nieuwe export op je telefoon en scan die.</translation>
    </message>
    <message>
        <source>It uses the MD5 algorithm, which Tweestap cannot make codes with.</source>
        <translation>Het gebruikt het algoritme MD5, waarmee Tweestap geen codes kan maken.</translation>
    </message>
    <message>
        <source>It uses an unknown algorithm (number {number}).</source>
        <translation>Het gebruikt een onbekend algoritme (nummer {number}).</translation>
    </message>
    <message>
        <source>It uses an unknown number of digits (number {number}).</source>
        <translation>Het gebruikt een onbekend aantal cijfers (nummer {number}).</translation>
    </message>
    <message>
        <source>It uses an unknown kind of code (number {number}).</source>
        <translation>Het gebruikt een onbekend soort code (nummer {number}).</translation>
    </message>
    <message>
        <source>This QR code belongs to another Google Authenticator export than the parts scanned before. Scan the parts of one export, or start again.</source>
        <translation>Deze QR-code hoort bij een andere export uit Google Authenticator dan de delen die je al hebt gescand. Scan de delen van één export, of begin opnieuw.</translation>
    </message>
    <message>
        <source>Part {missing} of this Google Authenticator export (of {parts} QR codes) is still missing. Scan it too; nothing of this export was added yet.</source>
        <translation>Deel {missing} van deze export uit Google Authenticator (van {parts} QR-codes) ontbreekt nog. Scan dat ook; van deze export is nog niets toegevoegd.</translation>
    </message>
    <message>
        <source>Parts {missing} of this Google Authenticator export (of {parts} QR codes) are still missing. Scan them too; nothing of this export was added yet.</source>
        <translation>De delen {missing} van deze export uit Google Authenticator (van {parts} QR-codes) ontbreken nog. Scan die ook; van deze export is nog niets toegevoegd.</translation>
    </message>
    <message>
        <source>The screen could not be captured: the system gave an empty picture. Save a screenshot of the QR code and open that image instead.</source>
        <translation>Het scherm kon niet worden vastgelegd: het systeem gaf een leeg beeld. Sla een schermafbeelding van de QR-code op en open die afbeelding.</translation>
    </message>
    <message>
        <source>There is no screen to capture: this program runs without a display. Save a screenshot of the QR code and scan that file.</source>
        <translation>Er is geen scherm om vast te leggen: dit programma draait zonder beeldscherm. Sla een schermafbeelding van de QR-code op en scan dat bestand.</translation>
    </message>
    <message>
        <source>This desktop (Wayland) does not let programs capture the screen. Take a screenshot with your desktop&apos;s screenshot tool and open that image, or paste it.</source>
        <translation>Deze desktop (Wayland) laat programma&apos;s het scherm niet vastleggen. Maak een schermafbeelding met het schermafbeeldingsprogramma van je desktop en open of plak die afbeelding.</translation>
    </message>
    <message>
        <source>No QR code was found on the screen. Make sure the whole QR code is visible and not covered by this window, then try again.</source>
        <translation>Er is geen QR-code gevonden op het scherm. Zorg dat de hele QR-code zichtbaar is en niet achter dit venster zit, en probeer het dan opnieuw.</translation>
    </message>
    <message>
        <source>No QR code was found in the region you selected. Drag the rectangle around the whole QR code, with a little space around it.</source>
        <translation>In het gebied dat je hebt geselecteerd is geen QR-code gevonden. Trek de rechthoek om de hele QR-code, met wat ruimte eromheen.</translation>
    </message>
    <message>
        <source>No QR code was found in the picture. Use a sharper or larger picture that shows the whole QR code.</source>
        <translation>Er is geen QR-code gevonden in de afbeelding. Gebruik een scherpere of grotere afbeelding waarop de hele QR-code staat.</translation>
    </message>
    <message>
        <source>“{address}” is not a server address. Type one like http://127.0.0.1:8765 or https://2fa.example.org.</source>
        <translation>“{address}” is geen serveradres. Typ er een zoals http://127.0.0.1:8765 of https://2fa.example.org.</translation>
    </message>
    <message>
        <source>Cannot reach the server at {url}. Check the address and that the server is running, then try again; nothing you typed is lost.</source>
        <translation>De server op {url} is niet bereikbaar. Controleer het adres en of de server draait en probeer het opnieuw; wat je hebt ingevuld blijft bewaard.</translation>
    </message>
    <message>
        <source>The server at {url} did not answer in time. Try again in a moment; nothing you typed is lost.</source>
        <translation>De server op {url} antwoordde niet op tijd. Probeer het zo opnieuw; wat je hebt ingevuld blijft bewaard.</translation>
    </message>
    <message>
        <source>The server at {url} gave an answer Tweestap does not understand (HTTP {status}). Is this the address of a Tweestap server?</source>
        <translation>De server op {url} gaf een antwoord dat Tweestap niet begrijpt (HTTP {status}). Is dit het adres van een Tweestap-server?</translation>
    </message>
    <message>
        <source>The username or password is wrong.</source>
        <translation>De gebruikersnaam of het wachtwoord klopt niet.</translation>
    </message>
    <message>
        <source>This account is blocked. Another administrator with module P&amp;O can unblock it.</source>
        <translation>Dit account is geblokkeerd. Een andere beheerder met recht op module P&amp;O kan het deblokkeren.</translation>
    </message>
    <message>
        <source>This account may not log in from this computer: its IP address is not in the account&apos;s IP list.</source>
        <translation>Dit account mag niet inloggen vanaf deze computer: het IP adres staat niet in de IP-lijst van het account.</translation>
    </message>
    <message>
        <source>That code is not right. Use the newest code of this account, and check that the clock of this computer is right.</source>
        <translation>Die code klopt niet. Gebruik de nieuwste code van dit account en controleer of de klok van deze computer goed staat.</translation>
    </message>
    <message>
        <source>This code has already been used. Wait for the next code of this account (a new one comes every 30 seconds) and type that one.</source>
        <translation>Deze code is al gebruikt. Wacht op de volgende code van dit account (elke 30 seconden komt er een nieuwe) en typ die.</translation>
    </message>
    <message>
        <source>Too many wrong codes. Wait {seconds} seconds, then try again.</source>
        <translation>Te veel foute codes. Wacht {seconds} seconden en probeer het dan opnieuw.</translation>
    </message>
    <message>
        <source>A new e-mail code can be sent in {seconds} seconds.</source>
        <translation>Over {seconds} seconden kan er een nieuwe e-mailcode worden verstuurd.</translation>
    </message>
    <message>
        <source>Your session has ended. Log in again to continue; nothing you typed is lost.</source>
        <translation>Je sessie is verlopen. Log opnieuw in om verder te gaan; wat je hebt ingevuld blijft bewaard.</translation>
    </message>
    <message>
        <source>This login step has expired. Log in again with your password.</source>
        <translation>Deze inlogstap is verlopen. Log opnieuw in met je wachtwoord.</translation>
    </message>
    <message>
        <source>The server cannot read the key of your authenticator. Ask another administrator with module P&amp;O to reset your two-step verification.</source>
        <translation>De server kan de sleutel van je authenticator niet lezen. Vraag een andere beheerder met recht op module P&amp;O om je tweestapsverificatie te resetten.</translation>
    </message>
    <message>
        <source>Your account has no e-mail address, so no code can be sent to you.</source>
        <translation>Je account heeft geen e-mailadres, dus er kan geen code naar je worden verstuurd.</translation>
    </message>
    <message>
        <source>Only administrators with module P&amp;O may manage two-step verification and employee accounts. Ask an administrator with module P&amp;O for this right.</source>
        <translation>Alleen beheerders met recht op module P&amp;O mogen tweestapsverificatie en medewerkersaccounts beheren. Vraag een beheerder met recht op module P&amp;O om dit recht.</translation>
    </message>
    <message>
        <source>Since the cut-off date two-step verification stays on for all employees, with the authenticator app. The policy was not saved.</source>
        <translation>Sinds de invoerdatum blijft tweestapsverificatie aan voor alle medewerkers, met de Authenticator-app. Het beleid is niet opgeslagen.</translation>
    </message>
    <message>
        <source>An administrator or an account with module P&amp;O is always an employee, so that it always needs a second factor. The account was not saved.</source>
        <translation>Een beheerder of een account met recht op module P&amp;O is altijd een medewerker, zodat er altijd een tweede stap nodig is. Het account is niet opgeslagen.</translation>
    </message>
    <message>
        <source>Since the cut-off date employees always log in with the authenticator app, so an employee cannot become an extranet user. The account was not saved.</source>
        <translation>Sinds de invoerdatum loggen medewerkers altijd in met de Authenticator-app; een medewerker kan daarom geen extranetgebruiker worden. Het account is niet opgeslagen.</translation>
    </message>
    <message>
        <source>The cut-off date has passed, so it cannot be moved to a later date: employees keep two-step verification with the authenticator app. The policy was not saved.</source>
        <translation>De invoerdatum is voorbij en kan daarom niet naar een latere datum: medewerkers houden tweestapsverificatie met de Authenticator-app. Het beleid is niet opgeslagen.</translation>
    </message>
    <message>
        <source>Too many wrong passwords. Wait {seconds} seconds, then try again.</source>
        <translation>Te veel foute wachtwoorden. Wacht {seconds} seconden en probeer het dan opnieuw.</translation>
    </message>
    <message>
        <source>The server is busy just now. Try again in {seconds} seconds; nothing you typed is lost.</source>
        <translation>De server is op dit moment te druk. Probeer het over {seconds} seconden opnieuw; wat je hebt ingevuld, blijft staan.</translation>
    </message>
    <message>
        <source>The server did not accept the changes: {details}</source>
        <translation>De server heeft de wijzigingen niet geaccepteerd: {details}</translation>
    </message>
    <message>
        <source>There is no account named {name} (any more).</source>
        <translation>Er is (niet meer) een account met de naam {name}.</translation>
    </message>
    <message>
        <source>An account named {name} already exists.</source>
        <translation>Er bestaat al een account met de naam {name}.</translation>
    </message>
    <message>
        <source>You cannot block your own account.</source>
        <translation>Je kunt je eigen account niet blokkeren.</translation>
    </message>
    <message>
        <source>{name} has no e-mail address. Fill one in and save it first.</source>
        <translation>{name} heeft geen e-mailadres. Vul er eerst een in en sla het op.</translation>
    </message>
    <message>
        <source>“{entry}” is not an IP address or range. Examples: 192.168.1.10, 10.0.0.0/24, 2001:db8::/32.</source>
        <translation>“{entry}” is geen IP adres of bereik. Voorbeelden: 192.168.1.10, 10.0.0.0/24, 2001:db8::/32.</translation>
    </message>
    <message>
        <source>An IP list can hold at most {limit} entries.</source>
        <translation>Een IP-lijst kan hoogstens {limit} adressen bevatten.</translation>
    </message>
    <message>
        <source>A username starts with a letter or digit and holds at most 64 letters, digits and . _ @ + -</source>
        <translation>Een gebruikersnaam begint met een letter of cijfer en bevat hoogstens 64 letters, cijfers en . _ @ + -</translation>
    </message>
    <message>
        <source>“{address}” is not an e-mail address.</source>
        <translation>“{address}” is geen e-mailadres.</translation>
    </message>
    <message>
        <source>The server on this computer could not be started: {reason} (details in {log})</source>
        <translation>De server op deze computer kon niet worden gestart: {reason} (details in {log})</translation>
    </message>
    <message>
        <source>No 2FA server answers at {url}, and this installation of Tweestap does not include one. Type the address of your organisation&apos;s 2FA server.</source>
        <translation>Op {url} antwoordt geen 2FA-server, en deze installatie van Tweestap heeft er zelf geen. Typ het adres van de 2FA-server van je organisatie.</translation>
    </message>
    <message>
        <source>Could not write {path} ({reason}).</source>
        <translation>Kon {path} niet schrijven ({reason}).</translation>
    </message>
    <message>
        <source>Something unexpected went wrong: {detail}</source>
        <translation>Er ging onverwacht iets mis: {detail}</translation>
    </message>
    <message>
        <source>--password is only for the encrypted formats (tweestap, aegis-encrypted).</source>
        <translation>--password hoort alleen bij de versleutelde formaten (tweestap, aegis-encrypted).</translation>
    </message>
    <message>
        <source>This format is encrypted: give the password with --password. Nothing was written.</source>
        <translation>Dit formaat is versleuteld: geef het wachtwoord met --password. Er is niets geschreven.</translation>
    </message>
    <message>
        <source>No password was chosen; nothing was written.</source>
        <translation>Er is geen wachtwoord gekozen; er is niets geschreven.</translation>
    </message>
    <message>
        <source>Tweestap was added to the application menu, but it cannot become the handler of otpauth links: the program xdg-mime (package xdg-utils) is missing.</source>
        <translation>Tweestap staat nu in het programmamenu, maar kan otpauth-links niet openen: het programma xdg-mime (pakket xdg-utils) ontbreekt.</translation>
    </message>
    <message>
        <source>Registering Tweestap for {scheme} links failed: {reason}</source>
        <translation>Tweestap kon niet worden ingesteld voor {scheme}-links: {reason}</translation>
    </message>
    <message>
        <source>The application menu in {folder} cannot be changed ({reason}).</source>
        <translation>Het programmamenu in {folder} kan niet worden aangepast ({reason}).</translation>
    </message>
    <message>
        <source>There are no accounts to export; nothing was written.</source>
        <translation>Er zijn geen accounts om te exporteren; er is niets geschreven.</translation>
    </message>
    <message>
        <source>Could not write {path} ({reason}); nothing was exported.</source>
        <translation>{path} kon niet worden geschreven ({reason}); er is niets geëxporteerd.</translation>
    </message>
    <message>
        <source>An encrypted export needs a password: without one, anyone who gets the file can copy your accounts.</source>
        <translation>Een versleutelde export heeft een wachtwoord nodig: zonder wachtwoord kan iedereen die het bestand krijgt je accounts kopiëren.</translation>
    </message>
    <message>
        <source>The password is too short: use at least {count} characters.</source>
        <translation>Het wachtwoord is te kort: gebruik minstens {count} tekens.</translation>
    </message>
    <message>
        <source>The password contains bytes that are not text in this system&apos;s encoding, so it could not be typed again elsewhere: choose another one.</source>
        <translation>Het wachtwoord bevat bytes die in de tekenset van dit systeem geen tekst zijn, dus elders kan het niet opnieuw worden getypt: kies een ander wachtwoord.</translation>
    </message>
    <message>
        <source>The password is one character repeated, which is easy to guess: choose another one.</source>
        <translation>Het wachtwoord is steeds hetzelfde teken, en dat is makkelijk te raden: kies een ander wachtwoord.</translation>
    </message>
    <message>
        <source>{path} is a folder; give the name of the file to write in it.</source>
        <translation>{path} is een map; geef de naam van het bestand dat erin moet komen.</translation>
    </message>
    <message>
        <source>{path} is not a file (it is a device, a pipe or a socket); nothing was exported.</source>
        <translation>{path} is geen bestand (het is een apparaat, een pipe of een socket); er is niets geëxporteerd.</translation>
    </message>
    <message>
        <source>Google Authenticator cannot hold any of these accounts; no QR code was made.</source>
        <translation>Google Authenticator kan geen van deze accounts bewaren; er is geen QR-code gemaakt.</translation>
    </message>
    <message>
        <source>Google Authenticator cannot make Steam codes.</source>
        <translation>Google Authenticator kan geen Steam-codes maken.</translation>
    </message>
    <message>
        <source>Google Authenticator cannot make codes of {digits} digits.</source>
        <translation>Google Authenticator kan geen codes van {digits} cijfers maken.</translation>
    </message>
    <message>
        <source>Google Authenticator cannot hold a counter above {limit}.</source>
        <translation>Google Authenticator kan geen teller boven {limit} bewaren.</translation>
    </message>
    <message>
        <source>Google Authenticator only makes codes that change every 30 seconds; this one changes every {period} seconds.</source>
        <translation>Google Authenticator maakt alleen codes die elke 30 seconden veranderen; deze verandert elke {period} seconden.</translation>
    </message>
    <message>
        <source>Its name and key are too long to fit in a QR code.</source>
        <translation>De naam en de sleutel zijn te lang voor een QR-code.</translation>
    </message>
    <message>
        <source>Tweestap does not know the format “{key}”.</source>
        <translation>Tweestap kent het formaat “{key}” niet.</translation>
    </message>
    <message>
        <source>Tweestap cannot import this kind of account, so it was left out.</source>
        <translation>Tweestap kan dit soort account niet importeren, dus het is overgeslagen.</translation>
    </message>
    <message>
        <source>Tweestap could not make a private temporary copy of this file to read it. Check that there is free disk space and try again.</source>
        <translation>Tweestap kon geen afgeschermde tijdelijke kopie van dit bestand maken om het te lezen. Kijk of er genoeg schijfruimte vrij is en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>This {format} vault can only be unlocked with the phone&apos;s fingerprint or face unlock. Export it again with a password, or without encryption.</source>
        <translation>Deze {format}-kluis kan alleen worden ontgrendeld met de vingerafdruk- of gezichtsontgrendeling van de telefoon. Exporteer hem opnieuw met een wachtwoord, of zonder versleuteling.</translation>
    </message>
    <message>
        <source>This file is not an export of an authenticator app that Tweestap knows.</source>
        <translation>Dit bestand is geen export van een authenticator-app die Tweestap kent.</translation>
    </message>
    <message>
        <source>This {format} file is protected with a password.</source>
        <translation>Dit {format}-bestand is beveiligd met een wachtwoord.</translation>
    </message>
    <message>
        <source>The password does not open this {format} file. Nothing was imported.</source>
        <translation>Het wachtwoord opent dit {format}-bestand niet. Er is niets geïmporteerd.</translation>
    </message>
    <message>
        <source>This {format} file is damaged or incomplete and cannot be read. Nothing was imported.</source>
        <translation>Dit {format}-bestand is beschadigd of onvolledig en kan niet worden gelezen. Er is niets geïmporteerd.</translation>
    </message>
    <message>
        <source>This is a {format} push account: it has no setup key, so only {format} can use it.</source>
        <translation>Dit is een pushaccount van {format}: het heeft geen instelsleutel, dus alleen {format} kan het gebruiken.</translation>
    </message>
    <message>
        <source>This account was in the {format} trash, so it was left out.</source>
        <translation>Dit account stond in de prullenbak van {format}, dus het is overgeslagen.</translation>
    </message>
    <message>
        <source>This picture cannot be read: the file is damaged or incomplete.</source>
        <translation>Deze afbeelding kan niet worden gelezen: het bestand is beschadigd of onvolledig.</translation>
    </message>
    <message>
        <source>There is no QR code in this picture that Tweestap can read.</source>
        <translation>Er staat geen QR-code in deze afbeelding die Tweestap kan lezen.</translation>
    </message>
    <message>
        <source>This file holds neither Google Authenticator export links nor a picture of a QR code.</source>
        <translation>Dit bestand bevat geen exportlinks van Google Authenticator en ook geen afbeelding van een QR-code.</translation>
    </message>
    <message>
        <source>Part of this Google Authenticator export is missing: the file holds {received} of its {parts} QR codes. Export again and keep every code. Nothing was imported.</source>
        <translation>Een deel van deze Google Authenticator-export ontbreekt: het bestand bevat {received} van de {parts} QR-codes. Exporteer opnieuw en bewaar elke code. Er is niets geïmporteerd.</translation>
    </message>
    <message>
        <source>There is no account link in this file: an account link starts with otpauth://.</source>
        <translation>Er staat geen accountlink in dit bestand: een accountlink begint met otpauth://.</translation>
    </message>
    <message>
        <source>This backup was made by a newer version of Tweestap (format {version}). Update Tweestap to import it.</source>
        <translation>Deze back-up is gemaakt met een nieuwere versie van Tweestap (formaat {version}). Werk Tweestap bij om hem te importeren.</translation>
    </message>
    <message>
        <source>The setting “{key}” cannot be {value}; nothing was changed.</source>
        <translation>De instelling “{key}” kan niet {value} zijn; er is niets gewijzigd.</translation>
    </message>
    <message>
        <source>The settings could not be saved in {path} ({reason}).</source>
        <translation>De instellingen konden niet worden opgeslagen in {path} ({reason}).</translation>
    </message>
    <message>
        <source>{file} is too large to be an authenticator export; nothing was imported.</source>
        <translation>{file} is te groot voor een export van een authenticator-app; er is niets geïmporteerd.</translation>
    </message>
    <message>
        <source>There is no file {file}.</source>
        <translation>Het bestand {file} bestaat niet.</translation>
    </message>
    <message>
        <source>{file} is a folder, not an export file.</source>
        <translation>{file} is een map, geen exportbestand.</translation>
    </message>
    <message>
        <source>{file} cannot be read ({reason}).</source>
        <translation>{file} kan niet worden gelezen ({reason}).</translation>
    </message>
    <message>
        <source>The camera stopped because of an error ({detail}). Choose it again, or add the account another way.</source>
        <translation>De camera is gestopt door een fout ({detail}). Kies hem opnieuw, of voeg het account op een andere manier toe.</translation>
    </message>
    <message>
        <source>The desktop&apos;s screenshot service (xdg-desktop-portal) is not available. Take a screenshot with your system&apos;s tool (the PrtSc key), then paste it here or open the file.</source>
        <translation>De schermafbeeldingsdienst van je desktop (xdg-desktop-portal) is niet beschikbaar. Maak een schermafbeelding met het programma van je systeem (de PrtSc-toets) en plak die hier of open het bestand.</translation>
    </message>
    <message>
        <source>The desktop&apos;s screenshot service gave no picture. Take a screenshot with your system&apos;s tool (the PrtSc key), then paste it here or open the file.</source>
        <translation>De schermafbeeldingsdienst van je desktop gaf geen afbeelding. Maak een schermafbeelding met het programma van je systeem (de PrtSc-toets) en plak die hier of open het bestand.</translation>
    </message>
    <message>
        <source>Aegis cannot hold the counter of {label} ({counter}); nothing was written. Remove that account or choose another format.</source>
        <translation>Aegis kan de teller van {label} ({counter}) niet bewaren; er is niets geschreven. Verwijder dat account of kies een ander formaat.</translation>
    </message>
    <message>
        <source>The output could not be written ({reason}).</source>
        <translation>De uitvoer kon niet worden geschreven ({reason}).</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Back up</source>
        <translation>Back-up maken</translation>
    </message>
    <message>
        <source>Export accounts</source>
        <translation>Accounts exporteren</translation>
    </message>
    <message>
        <source>Back up your accounts</source>
        <translation>Maak een back-up van je accounts</translation>
    </message>
    <message>
        <source>Export your accounts</source>
        <translation>Exporteer je accounts</translation>
    </message>
    <message>
        <source>A backup is one file with all your accounts, locked with a password. Keep it somewhere else than this computer, for example on a USB stick: with it you can restore your accounts on any computer with Tweestap.</source>
        <translation>Een back-up is één bestand met al je accounts, beveiligd met een wachtwoord. Bewaar het ergens anders dan op deze computer, bijvoorbeeld op een USB-stick: daarmee zet je je accounts terug op elke computer met Tweestap.</translation>
    </message>
    <message>
        <source>Choose the app that will read your accounts. Tweestap&apos;s own backup is the safest choice.</source>
        <translation>Kies de app die je accounts gaat lezen. De eigen back-up van Tweestap is de veiligste keuze.</translation>
    </message>
    <message>
        <source>&amp;Tweestap backup, encrypted (recommended)</source>
        <translation>Tweestap-&amp;back-up, versleuteld (aanbevolen)</translation>
    </message>
    <message>
        <source>&amp;Aegis file, encrypted</source>
        <translation>&amp;Aegis-bestand, versleuteld</translation>
    </message>
    <message>
        <source>Aegis file, &amp;not encrypted</source>
        <translation>Aegis-bestand, &amp;niet versleuteld</translation>
    </message>
    <message>
        <source>&amp;List of otpauth:// links, not encrypted</source>
        <translation>&amp;Lijst met otpauth://-links, niet versleuteld</translation>
    </message>
    <message>
        <source>&amp;QR codes for Google Authenticator</source>
        <translation>&amp;QR-codes voor Google Authenticator</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Herhaal wachtwoord</translation>
    </message>
    <message>
        <source>S&amp;how password</source>
        <translation>Wachtwoord &amp;tonen</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Wachtwoord:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Herhaal wachtwoord:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleer</translation>
    </message>
    <message>
        <source>Restores everything in Tweestap, on this or another computer.</source>
        <translation>Zet alles terug in Tweestap, op deze of een andere computer.</translation>
    </message>
    <message>
        <source>For the Aegis Authenticator app on Android (Import from file, Aegis).</source>
        <translation>Voor de app Aegis Authenticator op Android (Importeren uit bestand, Aegis).</translation>
    </message>
    <message>
        <source>For Aegis and apps that read Aegis files, when they cannot open the encrypted one.</source>
        <translation>Voor Aegis en apps die Aegis-bestanden lezen, als ze het versleutelde bestand niet kunnen openen.</translation>
    </message>
    <message>
        <source>One link per line; most authenticator apps and password managers import it.</source>
        <translation>Eén link per regel; de meeste Authenticator-apps en wachtwoordmanagers kunnen dit importeren.</translation>
    </message>
    <message>
        <source>Shows QR codes on the screen that Google Authenticator on your phone scans (Transfer accounts, Import accounts). No file is written.</source>
        <translation>Toont QR-codes op het scherm die je met Google Authenticator op je telefoon scant (Accounts overzetten, Accounts importeren). Er wordt geen bestand geschreven.</translation>
    </message>
    <message>
        <source>Anyone who sees these QR codes can copy your accounts. Show them only to your own phone.</source>
        <translation>Iedereen die deze QR-codes ziet, kan je accounts kopiëren. Laat ze alleen aan je eigen telefoon zien.</translation>
    </message>
    <message>
        <source>This file is not encrypted: anyone who gets it can make your codes. Keep it safe and delete it when you no longer need it.</source>
        <translation>Dit bestand is niet versleuteld: iedereen die het krijgt, kan je codes maken. Bewaar het veilig en verwijder het als je het niet meer nodig hebt.</translation>
    </message>
    <message>
        <source>&amp;Show QR codes</source>
        <translation>QR-codes t&amp;onen</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Opslaan…</translation>
    </message>
    <message>
        <source>Choose a password of at least 8 characters.</source>
        <translation>Kies een wachtwoord van minstens 8 tekens.</translation>
    </message>
    <message>
        <source>Now type the password again.</source>
        <translation>Typ het wachtwoord nu nog een keer.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>De twee wachtwoorden zijn niet gelijk.</translation>
    </message>
    <message>
        <source>The passwords match. Without this password the file cannot be opened: keep it somewhere safe.</source>
        <translation>De wachtwoorden zijn gelijk. Zonder dit wachtwoord kan het bestand niet worden geopend: bewaar het op een veilige plek.</translation>
    </message>
    <message>
        <source>Save the export as</source>
        <translation>Export opslaan als</translation>
    </message>
</context>
<context>
    <name>ExportOffer</name>
    <message>
        <source>Import the accounts</source>
        <translation>De accounts importeren</translation>
    </message>
    <message>
        <source>{label} cannot be imported: {reason}</source>
        <translation>{label} kan niet worden geïmporteerd: {reason}</translation>
    </message>
    <message>
        <source>Google Authenticator export read: 1 account.</source>
        <translation>Export uit Google Authenticator gelezen: 1 account.</translation>
    </message>
    <message>
        <source>Google Authenticator export read: {count} accounts.</source>
        <translation>Export uit Google Authenticator gelezen: {count} accounts.</translation>
    </message>
    <message>
        <source>None of the accounts in this export can be used by Tweestap.</source>
        <translation>Tweestap kan geen van de accounts in deze export gebruiken.</translation>
    </message>
    <message>
        <source>Part of a Google Authenticator export was read.</source>
        <translation>Een deel van een export uit Google Authenticator is gelezen.</translation>
    </message>
    <message>
        <source>Import 1 account</source>
        <translation>1 account importeren</translation>
    </message>
    <message>
        <source>Import all {count} accounts</source>
        <translation>Alle {count} accounts importeren</translation>
    </message>
    <message>
        <source>1 account was imported: {names}.</source>
        <translation>1 account is geïmporteerd: {names}.</translation>
    </message>
    <message>
        <source>{count} accounts were imported: {names}.</source>
        <translation>{count} accounts zijn geïmporteerd: {names}.</translation>
    </message>
    <message>
        <source>No account was imported.</source>
        <translation>Er is geen account geïmporteerd.</translation>
    </message>
    <message>
        <source>Already in Tweestap, so not added again: {names}.</source>
        <translation>Al in Tweestap, dus niet nog eens toegevoegd: {names}.</translation>
    </message>
    <message>
        <source>Imported, but they look like another account; remove the one you do not need: {names}.</source>
        <translation>Geïmporteerd, maar ze lijken op een ander account; verwijder het account dat je niet nodig hebt: {names}.</translation>
    </message>
    <message>
        <source>Tweestap cannot use: {names}.</source>
        <translation>Tweestap kan niet gebruiken: {names}.</translation>
    </message>
</context>
<context>
    <name>GoogleExportDialog</name>
    <message>
        <source>QR codes for Google Authenticator</source>
        <translation>QR-codes voor Google Authenticator</translation>
    </message>
    <message>
        <source>Scan these codes with Google Authenticator</source>
        <translation>Scan deze codes met Google Authenticator</translation>
    </message>
    <message>
        <source>In Google Authenticator on your phone, open the menu, choose Transfer accounts, then Import accounts, and scan the code.</source>
        <translation>Open in Google Authenticator op je telefoon het menu, kies Accounts overzetten en dan Accounts importeren, en scan de code.</translation>
    </message>
    <message>
        <source>There are {count} codes: after each one, press Next here and scan the next.</source>
        <translation>Er zijn {count} codes: kies hier na elke code Volgende en scan de volgende.</translation>
    </message>
    <message>
        <source>Anyone who sees these codes can copy your accounts. Show them only to your own phone, and close this window when you are done.</source>
        <translation>Iedereen die deze codes ziet, kan je accounts kopiëren. Laat ze alleen aan je eigen telefoon zien en sluit dit venster als je klaar bent.</translation>
    </message>
    <message>
        <source>Not in these codes (Google Authenticator cannot hold them):</source>
        <translation>Niet in deze codes (Google Authenticator kan ze niet bewaren):</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import accounts</source>
        <translation>Accounts importeren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleer</translation>
    </message>
    <message>
        <source>Choose a file exported by another authenticator app (Aegis, 2FAS, andOTP, Authy, Bitwarden, FreeOTP, Google Authenticator, Proton, Ente and others) or a Tweestap backup. Accounts Tweestap already has are skipped.</source>
        <translation>Kies een bestand dat door een andere Authenticator-app is geëxporteerd (Aegis, 2FAS, andOTP, Authy, Bitwarden, FreeOTP, Google Authenticator, Proton, Ente en andere) of een back-up van Tweestap. Accounts die al in Tweestap staan, worden overgeslagen.</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>Automatisch herkennen</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>Bestandsformaat</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Formaat:</translation>
    </message>
    <message>
        <source>Import accounts from a file</source>
        <translation>Accounts uit een bestand importeren</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>S&amp;how password</source>
        <translation>Wachtwoord &amp;tonen</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Wachtwoord:</translation>
    </message>
    <message>
        <source>Reading the file</source>
        <translation>Het bestand wordt gelezen</translation>
    </message>
    <message>
        <source>Import summary</source>
        <translation>Overzicht van de import</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>Bestand &amp;kiezen…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importeren</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Sluiten</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>Kies het bestand om te importeren</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>{file} wordt gelezen…</translation>
    </message>
    <message>
        <source>Unlocking {file}…</source>
        <translation>{file} wordt ontgrendeld…</translation>
    </message>
    <message>
        <source>This file is protected with a password</source>
        <translation>Dit bestand is beveiligd met een wachtwoord</translation>
    </message>
    <message>
        <source>Type the password that was chosen when {file} was made in {format}.</source>
        <translation>Typ het wachtwoord dat is gekozen toen {file} in {format} werd gemaakt.</translation>
    </message>
    <message>
        <source>The file holds no accounts; nothing was imported.</source>
        <translation>Het bestand bevat geen accounts; er is niets geïmporteerd.</translation>
    </message>
    <message>
        <source>1 account imported</source>
        <translation>1 account geïmporteerd</translation>
    </message>
    <message>
        <source>{count} accounts imported</source>
        <translation>{count} accounts geïmporteerd</translation>
    </message>
    <message>
        <source>No accounts imported</source>
        <translation>Geen accounts geïmporteerd</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Geïmporteerd</translation>
    </message>
    <message>
        <source>Skipped: Tweestap already has these</source>
        <translation>Overgeslagen: deze staan al in Tweestap</translation>
    </message>
    <message>
        <source>{label} (more than once in the file)</source>
        <translation>{label} (meer dan eens in het bestand)</translation>
    </message>
    <message>
        <source>{label} ({note})</source>
        <translation>{label} ({note})</translation>
    </message>
    <message>
        <source>same setup key as {other}</source>
        <translation>dezelfde instelsleutel als {other}</translation>
    </message>
    <message>
        <source>same name as {other}, another setup key</source>
        <translation>dezelfde naam als {other}, een andere instelsleutel</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Niet geïmporteerd</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Tweestap is locked</source>
        <translation>Tweestap is vergrendeld</translation>
    </message>
    <message>
        <source>Your codes are hidden and the key to your accounts has been removed from memory. Without your password nobody can see or copy a code here, not even someone who can open your files and your system keyring.</source>
        <translation>Je codes zijn verborgen en de sleutel van je accounts is uit het geheugen gewist. Zonder je wachtwoord kan niemand hier een code zien of kopiëren, ook niet iemand die je bestanden en de sleutelbos van je systeem kan openen.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Ontgrendel</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Ontgrendel</translation>
    </message>
    <message>
        <source>Forgot the password? Without a backup your accounts cannot be opened again, and every site would have to reset your two-step verification.</source>
        <translation>Wachtwoord vergeten? Zonder back-up kun je je accounts niet meer openen en moet elke site je tweestapsverificatie resetten.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Code copied to clipboard</source>
        <translation>Code gekopieerd naar klembord</translation>
    </message>
    <message>
        <source>codes</source>
        <translation>codes</translation>
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation>Account &amp;toevoegen…</translation>
    </message>
    <message>
        <source>&amp;Copy code</source>
        <translation>Code &amp;kopiëren</translation>
    </message>
    <message>
        <source>&amp;Next code</source>
        <translation>&amp;Volgende code</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Wijzigen…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Verwijderen…</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Naar &amp;boven</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Naar &amp;beneden</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Zoeken</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Instellingen…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Vergrendelen</translation>
    </message>
    <message>
        <source>&amp;Favourite</source>
        <translation>&amp;Favoriet</translation>
    </message>
    <message>
        <source>&amp;What to do if a code does not work?…</source>
        <translation>&amp;Wat moet ik doen als de code niet werkt?…</translation>
    </message>
    <message>
        <source>&amp;Login help (zilliz.nl)</source>
        <translation>&amp;Inloghulp (zilliz.nl)</translation>
    </message>
    <message>
        <source>&amp;About Tweestap</source>
        <translation>&amp;Over Tweestap</translation>
    </message>
    <message>
        <source>Search accounts (Ctrl+F)</source>
        <translation>Accounts zoeken (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search accounts</source>
        <translation>Accounts zoeken</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Account toevoegen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;Administration…</source>
        <translation>&amp;Beheer…</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>&amp;Accounts</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Unlock Tweestap first, then open the link again.</source>
        <translation>Ontgrendel Tweestap eerst en open de link daarna opnieuw.</translation>
    </message>
    <message>
        <source>Close the open window first, then open the link again.</source>
        <translation>Sluit eerst het venster dat open staat en open de link daarna opnieuw.</translation>
    </message>
    <message>
        <source>About Tweestap</source>
        <translation>Over Tweestap</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Tweestap {version}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Codes for two-step verification on your computer, and the administration of your organisation&apos;s two-step verification.&lt;/p&gt;&lt;p&gt;Licence: GPL-3.0-or-later.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Tweestap {version}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Codes voor tweestapsverificatie op je computer, en het beheer van de tweestapsverificatie van je organisatie.&lt;/p&gt;&lt;p&gt;Licentie: GPL-3.0-or-later.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Account deleted</source>
        <translation>Account verwijderd</translation>
    </message>
    <message>
        <source>No account matches “{query}”.</source>
        <translation>Geen account gevonden voor “{query}”.</translation>
    </message>
    <message>
        <source>Press and hold a code to copy it.</source>
        <translation>Houd een code lang ingedrukt om hem te kopiëren.</translation>
    </message>
    <message>
        <source>Tweestap</source>
        <translation>Tweestap</translation>
    </message>
    <message>
        <source>Unlock Tweestap first, then open the help.</source>
        <translation>Ontgrendel Tweestap eerst en open daarna de hulp.</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Try again</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <source>Close message</source>
        <translation>Melding sluiten</translation>
    </message>
    <message>
        <source>Try again in {seconds} s</source>
        <translation>Opnieuw proberen over {seconds} s</translation>
    </message>
    <message>
        <source>Try again in {minutes} min</source>
        <translation>Opnieuw proberen over {minutes} min</translation>
    </message>
</context>
<context>
    <name>NameFields</name>
    <message>
        <source>for example Zilliz</source>
        <translation>bijvoorbeeld Zilliz</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>for example your user name</source>
        <translation>bijvoorbeeld je gebruikersnaam</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Accountnaam</translation>
    </message>
    <message>
        <source>Se&amp;rvice:</source>
        <translation>&amp;Dienst:</translation>
    </message>
    <message>
        <source>Account &amp;name:</source>
        <translation>Account&amp;naam:</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Save the list as</source>
        <translation>Lijst opslaan als</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totaal</translation>
    </message>
    <message>
        <source>of whom blocked</source>
        <translation>waarvan geblokkeerd</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Medewerkers</translation>
    </message>
    <message>
        <source>Extranet users</source>
        <translation>Extranetters</translation>
    </message>
    <message>
        <source>Two-step verification per group</source>
        <translation>Tweestapsverificatie per groep</translation>
    </message>
    <message>
        <source>Employees who have not finished pairing their authenticator app (never started, or saw the QR code but entered no code) can be exported to a spreadsheet, for example to remind them.</source>
        <translation>Medewerkers die het koppelen van hun Authenticator-app niet hebben afgerond (nooit begonnen, of de QR-code gezien maar geen code ingevoerd) kun je exporteren naar een spreadsheet, bijvoorbeeld om ze eraan te herinneren.</translation>
    </message>
    <message>
        <source>Export employees without finished pairing…</source>
        <translation>Exporteer medewerkers zonder afgeronde koppeling…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <source>overview</source>
        <translation>overzicht</translation>
    </message>
    <message>
        <source>Loading the overview…</source>
        <translation>Overzicht ophalen…</translation>
    </message>
    <message>
        <source>Administrators with module P&amp;O: {count}</source>
        <translation>Beheerders met recht op module P&amp;O: {count}</translation>
    </message>
    <message>
        <source>Only {count} administrator(s) with module P&amp;O. Make sure there are at least {minimum}, so that someone can always reset two-step verification or unblock an account.</source>
        <translation>Maar {count} beheerder(s) met recht op module P&amp;O. Zorg voor minstens {minimum}, zodat er altijd iemand is die tweestapsverificatie kan resetten of een account kan deblokkeren.</translation>
    </message>
    <message>
        <source>employees-without-pairing.csv</source>
        <translation>medewerkers-zonder-koppeling.csv</translation>
    </message>
    <message>
        <source>username</source>
        <translation>gebruikersnaam</translation>
    </message>
    <message>
        <source>e-mail address</source>
        <translation>e-mailadres</translation>
    </message>
    <message>
        <source>two-step verification</source>
        <translation>tweestapsverificatie</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>geblokkeerd</translation>
    </message>
    <message>
        <source>last login</source>
        <translation>laatste login</translation>
    </message>
    <message>
        <source>{count} employees written to {path}.</source>
        <translation>{count} medewerkers geschreven naar {path}.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporteren…</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Herhaal wachtwoord</translation>
    </message>
    <message>
        <source>S&amp;how password</source>
        <translation>Wachtwoord &amp;tonen</translation>
    </message>
    <message>
        <source>Show password</source>
        <translation>Wachtwoord tonen</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Wachtwoord:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Herhaal wachtwoord:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleer</translation>
    </message>
    <message>
        <source>Choose a password</source>
        <translation>Kies een wachtwoord</translation>
    </message>
    <message>
        <source>Protect your accounts with a password</source>
        <translation>Beveilig je accounts met een wachtwoord</translation>
    </message>
    <message>
        <source>Tweestap keeps your accounts in a file locked with a password you choose now. You type it each time Tweestap starts.</source>
        <translation>Tweestap bewaart je accounts in een bestand dat op slot zit met het wachtwoord dat je nu kiest. Je typt het elke keer dat Tweestap start.</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Doorgaan</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Doorgaan</translation>
    </message>
    <message>
        <source>If you forget this password, your accounts in Tweestap are lost, unless you made a backup. Every site would then have to reset your two-step verification. Keep the password somewhere safe.</source>
        <translation>Als je dit wachtwoord vergeet, ben je je accounts in Tweestap kwijt, tenzij je een back-up hebt gemaakt. Dan moet elke site je tweestapsverificatie resetten. Bewaar het wachtwoord op een veilige plek.</translation>
    </message>
    <message>
        <source>Unlock Tweestap</source>
        <translation>Tweestap ontgrendelen</translation>
    </message>
    <message>
        <source>Type your password</source>
        <translation>Typ je wachtwoord</translation>
    </message>
    <message>
        <source>Your accounts are locked with the password you chose earlier.</source>
        <translation>Je accounts zitten op slot met het wachtwoord dat je eerder hebt gekozen.</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Ontgrendelen</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Ontgrendelen</translation>
    </message>
    <message>
        <source>Use at least {count} characters.</source>
        <translation>Gebruik minstens {count} tekens.</translation>
    </message>
    <message>
        <source>Too short: use at least {count} characters.</source>
        <translation>Te kort: gebruik minstens {count} tekens.</translation>
    </message>
    <message>
        <source>Now type the password again.</source>
        <translation>Typ het wachtwoord nu nog een keer.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>De twee wachtwoorden zijn niet gelijk.</translation>
    </message>
    <message>
        <source>The passwords match.</source>
        <translation>De wachtwoorden zijn gelijk.</translation>
    </message>
</context>
<context>
    <name>PolicyPage</name>
    <message>
        <source>Two-step verification</source>
        <translation>Tweestapsverificatie</translation>
    </message>
    <message>
        <source>Module P&amp;O › Set up › Module use</source>
        <translation>Module P&amp;O › Instellen › Modulegebruik</translation>
    </message>
    <message>
        <source>0 = a code at every login.</source>
        <translation>0 = bij elke inlog een code.</translation>
    </message>
    <message>
        <source>The validity is how long a browser where the code was entered is trusted. At 0 hours a new code is asked at every login; at 24 hours once a day.</source>
        <translation>De geldigheid is hoe lang een browser waarin de code is ingevoerd vertrouwd wordt. Bij 0 uur wordt bij elke inlog een nieuwe code gevraagd; bij 24 uur eens per 24 uur.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleer</translation>
    </message>
    <message>
        <source>policy</source>
        <translation>beleid</translation>
    </message>
    <message>
        <source>0 to {hours}; 0 = a code at every login.</source>
        <translation>0 tot en met {hours}; 0 = bij elke inlog een code.</translation>
    </message>
    <message>
        <source>Choose 0 to {maximum} hours; {value} is too many.</source>
        <translation>Kies 0 tot en met {maximum} uur; {value} is te veel.</translation>
    </message>
    <message>
        <source>Choose 0 to {maximum} days; {value} is too many.</source>
        <translation>Kies 0 tot en met {maximum} dagen; {value} is te veel.</translation>
    </message>
    <message>
        <source>Since {date}, two-step verification is on for all employees and they log in with an authenticator app; e-mail codes are no longer accepted for employees. It is not required for extranet users: you can switch it on for them here.</source>
        <translation>Sinds {date} staat tweestapsverificatie aan voor alle medewerkers en loggen zij in met een Authenticator-app; codes per e-mail worden voor medewerkers niet meer geaccepteerd. Voor extranetgebruikers is het niet verplicht: je kunt het hier voor hen aanzetten.</translation>
    </message>
    <message>
        <source>From {date}, two-step verification will be on for all employees, with an authenticator app; e-mail codes will no longer be accepted for employees. Until then you may choose. It is not required for extranet users.</source>
        <translation>Vanaf {date} staat tweestapsverificatie aan voor alle medewerkers, met een Authenticator-app; codes per e-mail worden dan voor medewerkers niet meer geaccepteerd. Tot die datum kun je kiezen. Voor extranetgebruikers is het niet verplicht.</translation>
    </message>
    <message>
        <source>Employees always use the authenticator app since {date}.</source>
        <translation>Sinds {date} gebruiken medewerkers altijd de Authenticatie app.</translation>
    </message>
    <message>
        <source>Two-step verification is off for {group}.</source>
        <translation>Tweestapsverificatie staat uit voor {group}.</translation>
    </message>
    <message>
        <source>yes: each user chooses between the authenticator app and e-mail; no: everyone uses the default method.</source>
        <translation>ja: elke gebruiker kiest zelf tussen de Authenticatie app en e-mail; nee: iedereen gebruikt de standaard methode.</translation>
    </message>
    <message>
        <source>the two-step verification policy</source>
        <translation>het beleid voor tweestapsverificatie</translation>
    </message>
    <message>
        <source>Loading the policy…</source>
        <translation>Beleid ophalen…</translation>
    </message>
    <message>
        <source>The policy has been saved.</source>
        <translation>Het beleid is opgeslagen.</translation>
    </message>
    <message>
        <source>Saving the policy…</source>
        <translation>Beleid opslaan…</translation>
    </message>
</context>
<context>
    <name>QrCodesDialog</name>
    <message>
        <source>← &amp;Previous</source>
        <translation>← &amp;Vorige</translation>
    </message>
    <message>
        <source>Previous code</source>
        <translation>Vorige code</translation>
    </message>
    <message>
        <source>&amp;Next →</source>
        <translation>V&amp;olgende →</translation>
    </message>
    <message>
        <source>Next code</source>
        <translation>Volgende code</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Sluiten</translation>
    </message>
    <message>
        <source>Code {number} of {count}</source>
        <translation>Code {number} van {count}</translation>
    </message>
</context>
<context>
    <name>RegionOverlay</name>
    <message>
        <source>Select region</source>
        <translation>Gebied selecteren</translation>
    </message>
    <message>
        <source>Select the region of the QR code</source>
        <translation>Het gebied met de QR-code selecteren</translation>
    </message>
    <message>
        <source>Drag a rectangle around the QR code. Press Esc to cancel.</source>
        <translation>Trek een rechthoek om de QR-code. Druk op Esc om te annuleren.</translation>
    </message>
</context>
<context>
    <name>RetentionRow</name>
    <message>
        <source>Audit log retention:</source>
        <translation>Bewaartermijn auditlog:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dagen</translation>
    </message>
    <message>
        <source>Audit log retention in days</source>
        <translation>Bewaartermijn auditlog in dagen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>{minimum} to {maximum} days; older entries are removed automatically.</source>
        <translation>{minimum} tot en met {maximum} dagen; oudere regels worden vanzelf verwijderd.</translation>
    </message>
    <message>
        <source>Choose {minimum} to {maximum} days; {value} is too few.</source>
        <translation>Kies {minimum} tot en met {maximum} dagen; {value} is te weinig.</translation>
    </message>
    <message>
        <source>Choose {minimum} to {maximum} days; {value} is too many.</source>
        <translation>Kies {minimum} tot en met {maximum} dagen; {value} is te veel.</translation>
    </message>
    <message>
        <source>Reading the audit log retention…</source>
        <translation>Bewaartermijn auditlog ophalen…</translation>
    </message>
    <message>
        <source>Shorten the audit log retention</source>
        <translation>Bewaartermijn auditlog verkorten</translation>
    </message>
    <message>
        <source>Keep audit log entries {days} days instead of {before}? Entries older than {days} days are removed at the server&apos;s next clean-up, within ten minutes. This cannot be undone.</source>
        <translation>Regels van het auditlog {days} dagen bewaren in plaats van {before}? Regels die ouder zijn dan {days} dagen worden bij de volgende opschoning van de server verwijderd, binnen tien minuten. Dat kan niet ongedaan worden gemaakt.</translation>
    </message>
    <message>
        <source>Shorten</source>
        <translation>Verkorten</translation>
    </message>
    <message>
        <source>The audit log now keeps entries {days} days.</source>
        <translation>Het auditlog bewaart regels nu {days} dagen.</translation>
    </message>
    <message>
        <source>Saving the audit log retention…</source>
        <translation>Bewaartermijn auditlog opslaan…</translation>
    </message>
</context>
<context>
    <name>ScanSources</name>
    <message>
        <source>&amp;Camera</source>
        <translation>&amp;Camera</translation>
    </message>
    <message>
        <source>Scan the QR code with the camera</source>
        <translation>De QR-code met de camera scannen</translation>
    </message>
    <message>
        <source>Scan scree&amp;n</source>
        <translation>Scherm sca&amp;nnen</translation>
    </message>
    <message>
        <source>Scan the screen for a QR code</source>
        <translation>Scherm scannen op een QR-code</translation>
    </message>
    <message>
        <source>Open &amp;image…</source>
        <translation>Afbeelding &amp;openen…</translation>
    </message>
    <message>
        <source>Open an image of the QR code</source>
        <translation>Afbeelding van de QR-code openen</translation>
    </message>
    <message>
        <source>&amp;Paste image</source>
        <translation>Afbeelding &amp;plakken</translation>
    </message>
    <message>
        <source>Paste an image of the QR code</source>
        <translation>Afbeelding van de QR-code plakken</translation>
    </message>
    <message>
        <source>Select re&amp;gion…</source>
        <translation>&amp;Gebied selecteren…</translation>
    </message>
    <message>
        <source>Select the region of the screen that shows the QR code</source>
        <translation>Het deel van het scherm selecteren waarop de QR-code staat</translation>
    </message>
    <message>
        <source>&amp;Take a screenshot…</source>
        <translation>Schermafbeelding &amp;maken…</translation>
    </message>
    <message>
        <source>Take a screenshot with the desktop&apos;s screenshot tool</source>
        <translation>Een schermafbeelding maken met het schermafbeeldingsprogramma van je desktop</translation>
    </message>
    <message>
        <source>Images ({patterns});;All files (*)</source>
        <translation>Afbeeldingen ({patterns});;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>None of these: select a region of the screen…</source>
        <translation>Geen van deze: een deel van het scherm selecteren…</translation>
    </message>
    <message>
        <source>Choose an account</source>
        <translation>Kies een account</translation>
    </message>
    <message>
        <source>Several QR codes were found. Which account do you want to add?</source>
        <translation>Er zijn meerdere QR-codes gevonden. Welk account wil je toevoegen?</translation>
    </message>
    <message>
        <source>Or choose “Select region…” and drag a rectangle around the QR code.</source>
        <translation>Of kies “Gebied selecteren…” en trek een rechthoek om de QR-code.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Codes</source>
        <translation>Codes</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Weergave</translation>
    </message>
    <message>
        <source>App lock</source>
        <translation>App-vergrendeling</translation>
    </message>
    <message>
        <source>Clock check</source>
        <translation>Klokcontrole</translation>
    </message>
    <message>
        <source>Clear a copied code from the clipboard after</source>
        <translation>Gekopieerde code van het klembord wissen na</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>0 keeps it until you copy something else.</source>
        <translation>0: de code blijft staan tot je iets anders kopieert.</translation>
    </message>
    <message>
        <source>Press and hold a code to copy it for</source>
        <translation>Code ingedrukt houden om te kopiëren</translation>
    </message>
    <message>
        <source>Show the next code during a code&apos;s last seconds</source>
        <translation>De volgende code tonen in de laatste seconden van een code</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>De taal van het systeem</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Kleuren</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Zoals het systeem</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Licht</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Donker</translation>
    </message>
    <message>
        <source>Start minimised to the system tray</source>
        <translation>Geminimaliseerd starten in het systeemvak</translation>
    </message>
    <message>
        <source>Lock Tweestap with a password</source>
        <translation>Tweestap vergrendelen met een wachtwoord</translation>
    </message>
    <message>
        <source>The key to your accounts is then protected by the password instead of the system keyring, so a locked Tweestap really cannot show codes. If you forget the password and have no backup, your accounts are lost.</source>
        <translation>De sleutel van je accounts wordt dan beveiligd met het wachtwoord in plaats van met de sleutelbos van het systeem, zodat een vergrendelde Tweestap echt geen codes kan tonen. Vergeet je het wachtwoord en heb je geen back-up, dan ben je je accounts kwijt.</translation>
    </message>
    <message>
        <source>Lock after this long without use</source>
        <translation>Vergrendelen na zo lang niet gebruikt</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>0: only when you lock it yourself or lock your computer&apos;s session.</source>
        <translation>0: alleen als je zelf vergrendelt of je computersessie vergrendelt.</translation>
    </message>
    <message>
        <source>Check this computer&apos;s clock against</source>
        <translation>Klok van deze computer controleren met</translation>
    </message>
    <message>
        <source>Time server and 2FA server</source>
        <translation>Tijdserver en 2FA-server</translation>
    </message>
    <message>
        <source>Time server only</source>
        <translation>Alleen de tijdserver</translation>
    </message>
    <message>
        <source>2FA server only</source>
        <translation>Alleen de 2FA-server</translation>
    </message>
    <message>
        <source>Do not check</source>
        <translation>Niet controleren</translation>
    </message>
    <message>
        <source>Time server (NTP)</source>
        <translation>Tijdserver (NTP)</translation>
    </message>
    <message>
        <source>2FA server address</source>
        <translation>Adres van de 2FA-server</translation>
    </message>
    <message>
        <source>For example https://2fa.example.org; empty: no server.</source>
        <translation>Bijvoorbeeld https://2fa.example.org; leeg: geen server.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>The language changes when Tweestap starts again.</source>
        <translation>De taal verandert als je Tweestap opnieuw start.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleer</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Opslaan</translation>
    </message>
    <message>
        <source>“{setting}” is not valid.</source>
        <translation>“{setting}” is niet geldig.</translation>
    </message>
</context>
<context>
    <name>SetupKeyDialog</name>
    <message>
        <source>Setup key of {label}</source>
        <translation>Instelsleutel van {label}</translation>
    </message>
    <message>
        <source>To add this account to another authenticator app by hand, type or paste this setup key there. Both apps then show the same codes.</source>
        <translation>Om dit account met de hand aan een andere authenticator-app toe te voegen, typ of plak je deze instelsleutel daar. Beide apps tonen dan dezelfde codes.</translation>
    </message>
    <message>
        <source>Anyone who sees this key can make this account&apos;s codes. Show it only when nobody can watch, and close this window when you are done.</source>
        <translation>Iedereen die deze sleutel ziet, kan de codes van dit account maken. Toon hem alleen als niemand meekijkt, en sluit dit venster als je klaar bent.</translation>
    </message>
    <message>
        <source>Tweestap password</source>
        <translation>Wachtwoord van Tweestap</translation>
    </message>
    <message>
        <source>The password of the app lock</source>
        <translation>Het wachtwoord van de vergrendeling</translation>
    </message>
    <message>
        <source>Setup key</source>
        <translation>Instelsleutel</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiëren</translation>
    </message>
    <message>
        <source>Copy the setup key</source>
        <translation>Instelsleutel kopiëren</translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation>Dienst:</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Account:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Wachtwoord:</translation>
    </message>
    <message>
        <source>Setup &amp;key:</source>
        <translation>&amp;Instelsleutel:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Soort:</translation>
    </message>
    <message>
        <source>Settings:</source>
        <translation>Instellingen:</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>S&amp;luiten</translation>
    </message>
    <message>
        <source>Tweestap is protected by a password: type it to show the key.</source>
        <translation>Tweestap is beveiligd met een wachtwoord: typ het om de sleutel te tonen.</translation>
    </message>
    <message>
        <source>Counter-based (HOTP); the next code uses counter {counter}</source>
        <translation>Op teller gebaseerd (HOTP); de volgende code gebruikt teller {counter}</translation>
    </message>
    <message>
        <source>Steam Guard (time-based, 5 characters)</source>
        <translation>Steam Guard (op tijd gebaseerd, 5 tekens)</translation>
    </message>
    <message>
        <source>Time-based (TOTP), a new code every {seconds} seconds</source>
        <translation>Op tijd gebaseerd (TOTP), elke {seconds} seconden een nieuwe code</translation>
    </message>
    <message>
        <source>{algorithm}, {digits} digits</source>
        <translation>{algorithm}, {digits} cijfers</translation>
    </message>
    <message>
        <source>(what every app assumes)</source>
        <translation>(wat elke app aanneemt)</translation>
    </message>
    <message>
        <source>Not every app lets you type these; if yours does not, scan the account&apos;s QR code instead (Show QR code).</source>
        <translation>Niet elke app laat je deze invullen; kan dat in jouw app niet, scan dan de QR-code van het account (QR-code tonen).</translation>
    </message>
    <message>
        <source>That is not the password of Tweestap&apos;s app lock.</source>
        <translation>Dat is niet het wachtwoord van de vergrendeling van Tweestap.</translation>
    </message>
    <message>
        <source>Type it in the other app without the spaces, or copy it.</source>
        <translation>Typ hem zonder spaties in de andere app, of kopieer hem.</translation>
    </message>
    <message>
        <source>The setup key is on the clipboard; Tweestap wipes it again shortly.</source>
        <translation>De instelsleutel staat op het klembord; Tweestap wist hem straks weer.</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>&amp;Verbergen</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Tonen</translation>
    </message>
    <message>
        <source>Hide the setup key</source>
        <translation>Instelsleutel verbergen</translation>
    </message>
    <message>
        <source>Show the setup key</source>
        <translation>Instelsleutel tonen</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>TransferActions</name>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importeren…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporteren…</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation>&amp;Back-up maken…</translation>
    </message>
    <message>
        <source>Show &amp;QR code…</source>
        <translation>&amp;QR-code tonen…</translation>
    </message>
    <message>
        <source>Show setup &amp;key…</source>
        <translation>&amp;Instelsleutel tonen…</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Tweestap keeps running here; choose “Quit Tweestap” in this menu to end it.</source>
        <translation>Tweestap blijft hier actief; kies “Tweestap afsluiten” in dit menu om het te stoppen.</translation>
    </message>
    <message>
        <source>The code for {account} is on the clipboard for {seconds} seconds.</source>
        <translation>De code voor {account} staat {seconds} seconden op het klembord.</translation>
    </message>
    <message>
        <source>The code for {account} is on the clipboard.</source>
        <translation>De code voor {account} staat op het klembord.</translation>
    </message>
</context>
<context>
    <name>TrayMenu</name>
    <message>
        <source>&amp;Quit Tweestap</source>
        <translation>Tweestap &amp;afsluiten</translation>
    </message>
    <message>
        <source>Tweestap is locked</source>
        <translation>Tweestap is vergrendeld</translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation>&amp;Ontgrendelen…</translation>
    </message>
    <message>
        <source>&amp;Hide Tweestap</source>
        <translation>Tweestap &amp;verbergen</translation>
    </message>
    <message>
        <source>&amp;Show Tweestap</source>
        <translation>Tweestap &amp;tonen</translation>
    </message>
    <message>
        <source>No accounts yet</source>
        <translation>Nog geen accounts</translation>
    </message>
    <message>
        <source>Copy the code of {account}</source>
        <translation>Kopieer de code van {account}</translation>
    </message>
    <message>
        <source>{count} more in the window…</source>
        <translation>Nog {count} in het venster…</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>Username</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Two-step verification</source>
        <translation>Tweestapsverificatie</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Laatste login</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Geblokkeerd</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Beheerder</translation>
    </message>
    <message>
        <source>off</source>
        <translation>uit</translation>
    </message>
    <message>
        <source>(own choice)</source>
        <translation>(eigen keuze)</translation>
    </message>
    <message>
        <source>Two-step verification is off for this group (see Policy).</source>
        <translation>Tweestapsverificatie staat uit voor deze groep (zie Beleid).</translation>
    </message>
    <message>
        <source>Chose {choice} themselves, but the policy sets {method} for this group.</source>
        <translation>Koos zelf {choice}, maar het beleid legt {method} vast voor deze groep.</translation>
    </message>
    <message>
        <source>The user chose this method themselves.</source>
        <translation>De gebruiker heeft deze methode zelf gekozen.</translation>
    </message>
    <message>
        <source>The policy&apos;s default method for this group.</source>
        <translation>De standaard methode van het beleid voor deze groep.</translation>
    </message>
    <message>
        <source>yes (P&amp;O)</source>
        <translation>ja (P&amp;O)</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Search by username or e-mail address</source>
        <translation>Zoek op gebruikersnaam of e-mailadres</translation>
    </message>
    <message>
        <source>Search accounts</source>
        <translation>Accounts zoeken</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Medewerkers</translation>
    </message>
    <message>
        <source>Extranet users</source>
        <translation>Extranetters</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Iedereen</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Tonen</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Nieuw account</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <source>accounts</source>
        <translation>accounts</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>&amp;Tonen:</translation>
    </message>
    <message>
        <source>account</source>
        <translation>account</translation>
    </message>
    <message>
        <source>Loading the accounts…</source>
        <translation>Accounts ophalen…</translation>
    </message>
    <message>
        <source>Reading the last logins…</source>
        <translation>Laatste logins ophalen…</translation>
    </message>
    <message>
        <source>{shown} of {total} accounts shown</source>
        <translation>{shown} van {total} accounts getoond</translation>
    </message>
</context>
<context>
    <name>YesNo</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>gebruik: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>argumenten</translation>
    </message>
    <message>
        <source>options</source>
        <translation>opties</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>deze hulptekst tonen en stoppen</translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation>het versienummer tonen en stoppen</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>argument %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>onbekende argumenten: %s</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>deze argumenten zijn verplicht: %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>een van de argumenten %s is verplicht</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>niet toegestaan samen met argument %s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>verwacht één argument</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>verwacht hoogstens één argument</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>verwacht minstens één argument</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>dubbelzinnige optie: %(option)s kan %(matches)s zijn</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>ongeldige %(type)s-waarde: %(value)r</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>ongeldige keuze: %(value)r (kies uit %(choices)s)</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s: fout: %(message)s
</translation>
    </message>
</context>
</TS>
