<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
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
        <source>Copy the setup key shown beside the QR code on the login page and paste it here. An account link (otpauth://…) works too.</source>
        <translation>Kopieer de instelsleutel die naast de QR-code op de inlogpagina staat en plak die hier. Een accountlink (otpauth://…) werkt ook.</translation>
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
        <source>the account's id (or its first characters)</source>
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
        <translation>Account bewerken</translation>
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
        <source>The link has no setup key (the 'secret' parameter is missing).</source>
        <translation>De link bevat geen instelsleutel (de parameter 'secret' ontbreekt).</translation>
    </message>
    <message>
        <source>The link does not say whether it is for 'totp' or 'hotp' codes.</source>
        <translation>De link zegt niet of hij voor 'totp'- of 'hotp'-codes is.</translation>
    </message>
    <message>
        <source>The link is for '{kind}' codes; Tweestap supports totp, hotp and steam codes.</source>
        <translation>De link is voor '{kind}'-codes; Tweestap ondersteunt totp-, hotp- en steam-codes.</translation>
    </message>
    <message>
        <source>The algorithm '{algorithm}' is unknown; codes can use SHA1, SHA256 or SHA512.</source>
        <translation>Het algoritme '{algorithm}' is onbekend; codes kunnen SHA1, SHA256 of SHA512 gebruiken.</translation>
    </message>
    <message>
        <source>The value of '{key}' in the link must be a whole number, not '{value}'.</source>
        <translation>De waarde van '{key}' in de link moet een geheel getal zijn, niet '{value}'.</translation>
    </message>
    <message>
        <source>The value of '{key}' in the link is far too large.</source>
        <translation>De waarde van '{key}' in de link is veel te groot.</translation>
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
        <source>Give either a link or --key, not both.</source>
        <translation>Geef een link of --key, niet allebei.</translation>
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
        <translation>Camera {index} is geopend maar geeft geen beeld. Sluit andere programma's die hem gebruiken en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>The video file {path} holds no pictures.</source>
        <translation>Het videobestand {path} bevat geen beelden.</translation>
    </message>
    <message>
        <source>This QR code is for Microsoft's own app (Microsoft Authenticator, for a work or school account); other apps cannot use it. On that page, choose “I want to use a different authenticator app” and scan the QR code it shows then.</source>
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
        <source>This Google Authenticator export link has no data (its 'data' part is missing).</source>
        <translation>Deze exportlink van Google Authenticator bevat geen gegevens (het deel 'data' ontbreekt).</translation>
    </message>
    <message>
        <source>This Google Authenticator export holds no accounts.</source>
        <translation>Deze export uit Google Authenticator bevat geen accounts.</translation>
    </message>
    <message>
        <source>Line {line} is not a Google Authenticator export link: such a line starts with otpauth-migration://.</source>
        <translation>Regel {line} is geen exportlink van Google Authenticator: zo'n regel begint met otpauth-migration://.</translation>
    </message>
    <message>
        <source>There is no Google Authenticator export link in this text (such a link starts with otpauth-migration://).</source>
        <translation>Deze tekst bevat geen exportlink van Google Authenticator (zo'n link begint met otpauth-migration://).</translation>
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
        <source>This desktop (Wayland) does not let programs capture the screen. Take a screenshot with your desktop's screenshot tool and open that image, or paste it.</source>
        <translation>Deze desktop (Wayland) laat programma's het scherm niet vastleggen. Maak een schermafbeelding met het schermafbeeldingsprogramma van je desktop en open of plak die afbeelding.</translation>
    </message>
    <message>
        <source>No QR code was found on the screen. Make sure the whole QR code is visible and not covered by this window, then try again.</source>
        <translation>Er is geen QR-code gevonden op het scherm. Zorg dat de hele QR-code zichtbaar is en niet achter dit venster zit, en probeer het dan opnieuw.</translation>
    </message>
    <message>
        <source>No QR code was found in the picture. Use a sharper or larger picture that shows the whole QR code.</source>
        <translation>Er is geen QR-code gevonden in de afbeelding. Gebruik een scherpere of grotere afbeelding waarop de hele QR-code staat.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Code copied to clipboard</source>
        <translation>Code gekopieerd naar klembord</translation>
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
        <source>&amp;Accounts</source>
        <translation>&amp;Accounts</translation>
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
        <translation>Als je dit wachtwoord vergeet, ben je je accounts in Tweestap kwijt, tenzij je een reservekopie hebt gemaakt. Dan moet elke dienst je tweestapsverificatie resetten. Bewaar het wachtwoord op een veilige plek.</translation>
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
    <name>ScanSources</name>
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
        <source>Images ({patterns});;All files (*)</source>
        <translation>Afbeeldingen ({patterns});;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Choose an account</source>
        <translation>Kies een account</translation>
    </message>
    <message>
        <source>Several QR codes were found. Which account do you want to add?</source>
        <translation>Er zijn meerdere QR-codes gevonden. Welk account wil je toevoegen?</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
</TS>