<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>AccountsModel</name>
    <message>
        <source>{account}, code {code}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Press Enter to copy the code. Use Next code for a new one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>1 second left.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{seconds} seconds left.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Press Enter to copy the code.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AddAccountDialog</name>
    <message>
        <source>Add account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy the setup key shown beside the QR code on the login page and paste it here. An account link (otpauth://…) works too.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>for example JBSW Y3DP EHPK 3PXP</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Setup key or account link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Setup key or account link:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A&amp;dvanced settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Advanced settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Did the login page show you a new QR code or setup key? Then the earlier pairing was not completed, and the codes of the old entry are no longer accepted. Replace the old entry with this one, then type the new code on the login page to finish pairing.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Is this a different account? Go back and give it another name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Go back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Go back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Replace old entry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replace old entry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Account added</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Current code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type this code on the login page now to finish pairing.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>C&amp;opy code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New code in {seconds} s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Account link read; check the service and account name below.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Valid setup key.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You already have an account for {issuer} ({name}). Replace the old entry?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You already have an account named {name}. Replace the old entry?</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Close message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Use --replace to replace the old entry with this one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Added {label} (id {id}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Current code: {code}. Type it on the login page now to finish pairing.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No accounts yet. Add one with: tweestap add</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Removed {label}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Renamed to {label}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a password for your accounts. Without it (and without a backup) the accounts cannot be recovered.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New password: </source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Repeat the password: </source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Password of your accounts: </source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Usage error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tweestap: two-step verification codes on your computer. Without a command, the window opens.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>open the window and quit once the first codes are painted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>add an account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an otpauth:// link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the setup key (instead of a link)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the service, e.g. Zilliz</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>your user name at that service</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>default: totp</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>default: SHA1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>6, 7 or 8 (default 6)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>seconds (default 30)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>HOTP counter (default 0)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>replace an existing account with the same service and name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>list the stored accounts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>print JSON</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>remove an account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the account's id (or its first characters)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>rename an account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the new service name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the new account name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>show current codes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>part of the service or account name, or an id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>compute the code of this link; store nothing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the moment to compute codes for (default: now)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>HOTP: move to the next counter first (the previous code is used)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CodeDelegate</name>
    <message>
        <source>Next code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>next</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CodeListView</name>
    <message>
        <source>Accounts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Press and hold a code, or press Enter, to copy it to the clipboard.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CodeSettingsForm</name>
    <message>
        <source>Time-based (TOTP)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Counter-based (HOTP)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Steam</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type of code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A&amp;lgorithm:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Algorithm</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>D&amp;igits:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Number of digits</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Period in seconds</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Counter:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Counter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Steam, 5 characters, every {period} s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Counter-based, {algorithm}, {digits} digits, counter {counter}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Time-based, {algorithm}, {digits} digits, every {period} s</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DeleteQuestion</name>
    <message>
        <source>Delete account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete {label}?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Its codes will no longer be shown here. If you still need this account to log in, make sure you have it on another device first — the site will otherwise have to reset your two-step verification.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>EditAccountDialog</name>
    <message>
        <source>Edit account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The new name is only shown here; the codes of the account stay the same.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You already have an account for {issuer} ({name}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You already have an account named {name}.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>No accounts yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tweestap shows the codes for two-step verification. To add an account:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Log in to the website that asks for a code, for example Zilliz. It shows a QR code and a setup key.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Click &lt;b&gt;Add account&lt;/b&gt;, then scan the QR code or paste the setup key.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type the code that Tweestap shows on the login page to finish pairing.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add account</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The issuer contains a character that is not valid text ({code}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The account name contains a character that is not valid text ({code}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The setup key is empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Steam codes always have 5 characters, not {digits}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Steam codes always use SHA1, not {algorithm}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A code must have 6, 7 or 8 digits, not {digits}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The period must be between 1 second and 24 hours, not {period} seconds.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The counter cannot be negative ({counter}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The counter {counter} is too large: the limit is {limit}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The setup key contains the digit {char}, which setup keys never use. Did you mean the letter {letter}?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The setup key contains “{char}”; a setup key has only the letters A to Z and the digits 2 to 7.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The setup key has {length} characters, a length no setup key can have: a character is probably missing or extra.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The link has no setup key (the 'secret' parameter is missing).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The link does not say whether it is for 'totp' or 'hotp' codes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The link is for '{kind}' codes; Tweestap supports totp, hotp and steam codes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The algorithm '{algorithm}' is unknown; codes can use SHA1, SHA256 or SHA512.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The value of '{key}' in the link must be a whole number, not '{value}'.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The value of '{key}' in the link is far too large.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is nothing to read: the text is empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This is a Google Authenticator export, which holds several accounts; use Import to add them all.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This is a web address, not an account link. An account link starts with otpauth://; the login page shows it as a QR code or a setup key.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This is not an account link: an account link starts with otpauth://.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Give either a search text or --uri, not both.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Give either a link or --key, not both.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Give an otpauth:// link, or a setup key with --key.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>With --key, also give the account name with --account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No account matches “{query}”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type a name for the account, for example your user name on that site.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file with your accounts, {path}, cannot be read: it is damaged or was changed outside Tweestap. It has been kept untouched. You can start again with an empty list; the damaged file is then kept aside as a copy.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file with your accounts, {path}, was written by a newer version of Tweestap (format {version}). Update Tweestap to open it; the file has been kept untouched.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file with your accounts, {path}, cannot be opened ({reason}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The password in TWEESTAP_PASSWORD is wrong; nothing was opened or changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The password is wrong; nothing was opened or changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your accounts in {path} are protected by a password. Type it when asked, or set TWEESTAP_PASSWORD.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tweestap needs a new password to protect your accounts, because the system keyring cannot be used. Nothing was stored. Type a password when asked, or set TWEESTAP_PASSWORD.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The password cannot be empty; nothing was stored.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The system keyring holds a key for your accounts in {path} (entry “{entry}”) that does not open them. The file has been kept untouched; restore the keyring from a backup, or start again with an empty list.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The key to your accounts in {path} is missing from the system keyring (entry “{entry}”), so they cannot be opened. The file has been kept untouched; restore the keyring from a backup, or start again with an empty list.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your accounts in {path} are protected by a key in the system keyring, but the keyring is locked. Unlock it and try again; the file has been kept untouched.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your accounts in {path} are protected by a key in the system keyring, but no system keyring is available now. Start Tweestap in your desktop session (where the keyring runs) and try again; the file has been kept untouched.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your accounts in {path} are protected by a key in the system keyring, but the keyring did not work ({detail}). Try again; the file has been kept untouched.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An account for {label} already exists (id {id}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No account has the id {id}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{count} accounts have an id starting with {prefix}; give more of the id.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your change could not be saved in {path} ({reason}); nothing was changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file with your accounts, {path}, was changed by another Tweestap in a way this one cannot follow. Your change was not saved; close Tweestap and open it again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No system keyring (such as GNOME Keyring, KWallet or the Windows Credential Manager) is available, so Tweestap protects your accounts with a password instead.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The system keyring is switched off for Tweestap (PYTHON_KEYRING_BACKEND), so Tweestap protects your accounts with a password instead.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The system keyring is locked, so Tweestap protects your accounts with a password instead.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The system keyring did not keep the key it was given, so Tweestap protects your accounts with a password instead.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The system keyring did not work ({detail}), so Tweestap protects your accounts with a password instead.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your accounts are protected with a password because no system keyring could be used when they were first stored.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your accounts in {path} are protected by a password.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Code copied to clipboard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Copy code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Next code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search accounts (Ctrl+F)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search accounts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Account deleted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No account matches “{query}”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Press and hold a code to copy it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tweestap</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NameFields</name>
    <message>
        <source>for example Zilliz</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>for example your user name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Account name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Se&amp;rvice:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Account &amp;name:</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Repeat password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>S&amp;how password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Protect your accounts with a password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tweestap keeps your accounts in a file locked with a password you choose now. You type it each time Tweestap starts.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>If you forget this password, your accounts in Tweestap are lost, unless you made a backup. Every site would then have to reset your two-step verification. Keep the password somewhere safe.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unlock Tweestap</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type your password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your accounts are locked with the password you chose earlier.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use at least {count} characters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Too short: use at least {count} characters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Now type the password again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The passwords match.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>