BEGIN TRANSACTION;
CREATE TABLE activation_tokens (
	id INTEGER NOT NULL, 
	token_hash VARCHAR(64) NOT NULL, 
	user_id INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	expires_at DATETIME NOT NULL, 
	used_at DATETIME, 
	PRIMARY KEY (id), 
	FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE
);
INSERT INTO "activation_tokens" VALUES(1,'ccedc084d110eb30a450a321cda9f05181daa9123d6b07c7662d742d9eec8414',9,'2025-03-03 09:03:30.000000','2025-03-06 09:03:30.000000',NULL);
CREATE TABLE audit_log (
	id INTEGER NOT NULL, 
	at DATETIME NOT NULL, 
	actor VARCHAR(64), 
	target VARCHAR(64), 
	action VARCHAR(64) NOT NULL, 
	old TEXT, 
	new TEXT, 
	ip VARCHAR(64), 
	result VARCHAR(32) NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO "audit_log" VALUES(1,'2025-03-03 09:00:00.000000','test','beheerder','user_create',NULL,'{"admin": true, "email": "beheerder@example.org", "ip_allowlist": [], "kind": "employee", "location_manager": false, "modules": ["p&o"]}',NULL,'ok');
INSERT INTO "audit_log" VALUES(2,'2025-03-03 09:00:00.000000','beheerder','beheerder','login',NULL,'{"next": "enroll"}','127.0.0.1','ok');
INSERT INTO "audit_log" VALUES(3,'2025-03-03 09:00:00.000000','beheerder','beheerder','enroll_complete',NULL,NULL,'127.0.0.1','ok');
INSERT INTO "audit_log" VALUES(4,'2025-03-03 09:00:30.000000','beheerder',NULL,'policy_update','{"authenticator_validity_hours": 5, "extranet.enabled": false}','{"authenticator_validity_hours": 8, "extranet.enabled": true}','127.0.0.1','ok');
INSERT INTO "audit_log" VALUES(5,'2025-03-03 09:00:30.000000','test','anna','user_create',NULL,'{"admin": false, "email": "anna@example.org", "ip_allowlist": [], "kind": "employee", "location_manager": false, "modules": []}',NULL,'ok');
INSERT INTO "audit_log" VALUES(6,'2025-03-03 09:00:30.000000','test','bram','user_create',NULL,'{"admin": false, "email": "bram@example.org", "ip_allowlist": [], "kind": "employee", "location_manager": false, "modules": []}',NULL,'ok');
INSERT INTO "audit_log" VALUES(7,'2025-03-03 09:00:30.000000','test','carla','user_create',NULL,'{"admin": false, "email": "carla@example.org", "ip_allowlist": [], "kind": "employee", "location_manager": false, "modules": []}',NULL,'ok');
INSERT INTO "audit_log" VALUES(8,'2025-03-03 09:00:30.000000','test','daan','user_create',NULL,'{"admin": false, "email": "daan@example.org", "ip_allowlist": [], "kind": "employee", "location_manager": false, "modules": []}',NULL,'ok');
INSERT INTO "audit_log" VALUES(9,'2025-03-03 09:00:30.000000','test','eva','user_create',NULL,'{"admin": false, "email": "eva@example.org", "ip_allowlist": [], "kind": "employee", "location_manager": false, "modules": []}',NULL,'ok');
INSERT INTO "audit_log" VALUES(10,'2025-03-03 09:00:30.000000','test','Femke','user_create',NULL,'{"admin": false, "email": "femke@example.org", "ip_allowlist": [], "kind": "employee", "location_manager": false, "modules": []}',NULL,'ok');
INSERT INTO "audit_log" VALUES(11,'2025-03-03 09:00:30.000000','anna','anna','login',NULL,'{"next": "enroll"}','127.0.0.1','ok');
INSERT INTO "audit_log" VALUES(12,'2025-03-03 09:00:30.000000','anna','anna','enroll_complete',NULL,NULL,'127.0.0.1','ok');
INSERT INTO "audit_log" VALUES(13,'2025-03-03 09:01:00.000000','bram','bram','login',NULL,'{"next": "enroll"}','127.0.0.1','ok');
INSERT INTO "audit_log" VALUES(14,'2025-03-03 09:01:00.000000','bram','bram','enroll_complete',NULL,NULL,'127.0.0.1','ok');
INSERT INTO "audit_log" VALUES(15,'2025-03-03 09:01:30.000000','bram','bram','login',NULL,'{"next": "totp"}','127.0.0.1','ok');
INSERT INTO "audit_log" VALUES(16,'2025-03-03 09:01:30.000000','bram','bram','verify',NULL,'{"failures": 1, "step": "totp"}','127.0.0.1','invalid_code');
INSERT INTO "audit_log" VALUES(17,'2025-03-03 09:01:30.000000','bram','bram','verify',NULL,'{"failures": 2, "step": "totp"}','127.0.0.1','invalid_code');
INSERT INTO "audit_log" VALUES(18,'2025-03-03 09:01:30.000000','carla','carla','login',NULL,'{"next": "enroll"}','127.0.0.1','ok');
INSERT INTO "audit_log" VALUES(19,'2025-03-03 09:01:30.000000','eva','eva','login',NULL,'{"next": "enroll"}','127.0.0.1','ok');
INSERT INTO "audit_log" VALUES(20,'2025-03-03 09:01:30.000000','eva','eva','enroll_complete',NULL,NULL,'127.0.0.1','ok');
INSERT INTO "audit_log" VALUES(21,'2025-03-03 09:02:00.000000','Femke','Femke','login',NULL,'{"next": "enroll"}','127.0.0.1','ok');
INSERT INTO "audit_log" VALUES(22,'2025-03-03 09:02:00.000000','Femke','Femke','enroll_complete',NULL,NULL,'127.0.0.1','ok');
INSERT INTO "audit_log" VALUES(23,'2025-03-03 09:02:30.000000','beheerder','eva','block','{"blocked": false}','{"blocked": true}','127.0.0.1','ok');
INSERT INTO "audit_log" VALUES(24,'2025-03-03 09:02:30.000000','test','extern','user_create',NULL,'{"admin": false, "email": "extern@example.org", "ip_allowlist": [], "kind": "extranet", "location_manager": false, "modules": []}',NULL,'ok');
INSERT INTO "audit_log" VALUES(25,'2025-03-03 09:02:30.000000','extern','extern','login',NULL,'{"next": "email"}','127.0.0.1','ok');
INSERT INTO "audit_log" VALUES(26,'2025-03-03 09:02:30.000000','extern','extern','email_code_sent',NULL,NULL,'127.0.0.1','ok');
INSERT INTO "audit_log" VALUES(27,'2025-03-03 09:02:30.000000','extern','extern','verify',NULL,NULL,'127.0.0.1','ok');
INSERT INTO "audit_log" VALUES(28,'2025-03-03 09:03:30.000000','extern','extern','login',NULL,'{"next": "email"}','127.0.0.1','ok');
INSERT INTO "audit_log" VALUES(29,'2025-03-03 09:03:30.000000','extern','extern','email_code_sent',NULL,NULL,'127.0.0.1','ok');
INSERT INTO "audit_log" VALUES(30,'2025-03-03 09:03:30.000000','beheerder','gerrit','user_create',NULL,'{"admin": false, "email": "gerrit@example.org", "ip_allowlist": [], "kind": "employee", "location_manager": false, "modules": []}','127.0.0.1','ok');
INSERT INTO "audit_log" VALUES(31,'2025-03-03 09:03:30.000000','beheerder','gerrit','activation_mail',NULL,'{"to": "g***@example.org"}','127.0.0.1','ok');
CREATE TABLE email_codes (
	id INTEGER NOT NULL, 
	user_id INTEGER NOT NULL, 
	code BLOB NOT NULL, 
	created_at DATETIME NOT NULL, 
	expires_at DATETIME NOT NULL, 
	used_at DATETIME, 
	PRIMARY KEY (id), 
	FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE
);
INSERT INTO "email_codes" VALUES(1,8,X'014CC168AAA7B8FC13D8C9B03F23C3D8954444EDCB3E83D99F08FA295466A3A3B8A7D2B9B4','2025-03-03 09:02:30.000000','2025-03-03 09:12:30.000000','2025-03-03 09:02:30.000000');
INSERT INTO "email_codes" VALUES(2,8,X'015C3F93BCE1A77825B8626F5B1CDFBDD2AE58FD232CBCB1582EDD25CE73D1894D8268D58F','2025-03-03 09:03:30.000000','2025-03-03 09:13:30.000000',NULL);
CREATE TABLE pending_enrollments (
	user_id INTEGER NOT NULL, 
	secret BLOB NOT NULL, 
	created_at DATETIME NOT NULL, 
	expires_at DATETIME NOT NULL, 
	PRIMARY KEY (user_id), 
	FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE
);
INSERT INTO "pending_enrollments" VALUES(4,X'016E1193C8D681443ABADA704A2FA89B7F1E124D86C2BA488758C0361AA3C2C7CEB847B256935AC51614F9B27FDB2CEC57','2025-03-03 09:01:30.000000','2025-03-03 09:16:30.000000');
CREATE TABLE policy (
	id INTEGER NOT NULL, 
	employees_enabled BOOLEAN NOT NULL, 
	employees_method VARCHAR(8) NOT NULL, 
	employees_user_adjustable BOOLEAN NOT NULL, 
	extranet_enabled BOOLEAN NOT NULL, 
	extranet_method VARCHAR(8) NOT NULL, 
	extranet_user_adjustable BOOLEAN NOT NULL, 
	authenticator_validity_hours INTEGER NOT NULL, 
	mail_validity_days INTEGER NOT NULL, 
	email_cutoff DATE NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO "policy" VALUES(1,1,'app',0,1,'email',0,8,0,'2024-06-17');
CREATE TABLE sessions (
	id INTEGER NOT NULL, 
	token_hash VARCHAR(64) NOT NULL, 
	user_id INTEGER NOT NULL, 
	state VARCHAR(16) NOT NULL, 
	created_at DATETIME NOT NULL, 
	expires_at DATETIME NOT NULL, 
	completed_at DATETIME, 
	ip VARCHAR(64), 
	PRIMARY KEY (id), 
	FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE
);
INSERT INTO "sessions" VALUES(1,'6864e67f9f60f1e2b55ae740772a1e31c15e4e9081ecbfc76cd53a97ee28fb3d',1,'done','2025-03-03 09:00:00.000000','2025-03-03 17:00:00.000000','2025-03-03 09:00:00.000000','127.0.0.1');
INSERT INTO "sessions" VALUES(2,'74212e4fa1b4687875bab3e9baa6edf45f92cc622db34572655dc134331e2d87',2,'done','2025-03-03 09:00:30.000000','2025-03-03 17:00:30.000000','2025-03-03 09:00:30.000000','127.0.0.1');
INSERT INTO "sessions" VALUES(3,'b11e456b904efac6cacddb7ead626cb9dee41b866a36dbbc7ce816e9ab15e487',3,'done','2025-03-03 09:01:00.000000','2025-03-03 17:01:00.000000','2025-03-03 09:01:00.000000','127.0.0.1');
INSERT INTO "sessions" VALUES(4,'9cbdd8dc6e3d9fa17cb0da25147a84f300fc63c2dff31c933384b204995a49b7',3,'totp','2025-03-03 09:01:30.000000','2025-03-03 09:16:30.000000',NULL,'127.0.0.1');
INSERT INTO "sessions" VALUES(5,'962e8d52140ccc854e5068bd047f685012bf21c4d08fdd5bca39b7050cddfa8a',4,'enroll','2025-03-03 09:01:30.000000','2025-03-03 09:16:30.000000',NULL,'127.0.0.1');
INSERT INTO "sessions" VALUES(7,'db38ec1e63bc3dff7170d1cc96920bbd834d9ce2449298b420c369ee72855ea3',7,'done','2025-03-03 09:02:00.000000','2025-03-03 17:02:00.000000','2025-03-03 09:02:00.000000','127.0.0.1');
INSERT INTO "sessions" VALUES(8,'5051f0313b2878b8f958fb18a61ddf199fb233ea9fef862dcf47fad8f1f6493d',8,'done','2025-03-03 09:02:30.000000','2025-03-03 17:02:30.000000','2025-03-03 09:02:30.000000','127.0.0.1');
INSERT INTO "sessions" VALUES(9,'2f2615219344be5e024eea6652c205b90168c728a59928d9fbb658a979e06960',8,'email','2025-03-03 09:03:30.000000','2025-03-03 09:18:30.000000',NULL,'127.0.0.1');
CREATE TABLE totp_credentials (
	user_id INTEGER NOT NULL, 
	secret BLOB NOT NULL, 
	last_step BIGINT NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (user_id), 
	FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE
);
INSERT INTO "totp_credentials" VALUES(1,X'01BB133E3D0ED44873B6373542515ACDA508330F10776A3A3BDDB930F9E479B278CECC8E4068879A5DE2B474EC89249EEE',58033080,'2025-03-03 09:00:00.000000');
INSERT INTO "totp_credentials" VALUES(2,X'011B25A498C5E8770E23D709A28F1433CBBD46EB7BABD2E4023963CEABD4B427A2BFD112B57F7CE0000F3FC74A440A2AC0',58033081,'2025-03-03 09:00:30.000000');
INSERT INTO "totp_credentials" VALUES(3,X'01BD53EDD1E7F490195843E0F031DA8890BBE1D0C22B38E79ACC5AC0AE853E50D86B212BDD80D33CE6886F81731750BF91',58033082,'2025-03-03 09:01:00.000000');
INSERT INTO "totp_credentials" VALUES(6,X'010E96452CD3D0B07F49B1022F69C3F9EB0CDDAB10C4E6626628F3B1AF08351FC09EC7CAB11DC1E56A904E7C9B494C40F2',58033083,'2025-03-03 09:01:30.000000');
INSERT INTO "totp_credentials" VALUES(7,X'01E0246B23B278BE5EF5AA8ABF98F2947C893021FC19EF8381F0E077562AD9866F56EFDFAD17748EE05515B0DAF866FBCB',58033084,'2025-03-03 09:02:00.000000');
CREATE TABLE trusted_devices (
	id INTEGER NOT NULL, 
	token_hash VARCHAR(64) NOT NULL, 
	user_id INTEGER NOT NULL, 
	method VARCHAR(8) NOT NULL, 
	verified_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE
);
INSERT INTO "trusted_devices" VALUES(1,'af86bc37fd85cf4eae421231664d5ea2b2483c133afed8e75f333d149079cadd',1,'app','2025-03-03 09:00:00.000000');
INSERT INTO "trusted_devices" VALUES(2,'63714199d69d89febc960f345d90b1e17736b3f271141f38b70f00bcf60dfa4e',2,'app','2025-03-03 09:00:30.000000');
INSERT INTO "trusted_devices" VALUES(3,'d39bff629f988d07e8999f087f307a038b9cfab9f9da50357fe1e84be6deab6b',3,'app','2025-03-03 09:01:00.000000');
INSERT INTO "trusted_devices" VALUES(5,'64137b9eb25ddee1dc5927aa8d65fa7e7a202e00a9882dab3fc2cf43944f3010',7,'app','2025-03-03 09:02:00.000000');
INSERT INTO "trusted_devices" VALUES(6,'28fca0e291b8fb35863e2a3428353d4cb5f1a14db19adc808058b19f724af2a9',8,'email','2025-03-03 09:02:30.000000');
CREATE TABLE users (
	id INTEGER NOT NULL, 
	name VARCHAR(64) NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	email VARCHAR(254), 
	password_hash VARCHAR(255), 
	is_admin BOOLEAN NOT NULL, 
	modules VARCHAR(255) NOT NULL, 
	location_manager BOOLEAN NOT NULL, 
	ip_allowlist TEXT NOT NULL, 
	blocked BOOLEAN NOT NULL, 
	method_choice VARCHAR(8), 
	otp_failures INTEGER NOT NULL, 
	otp_retry_at DATETIME, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO "users" VALUES(1,'beheerder','employee','beheerder@example.org','$argon2id$v=19$m=64,t=1,p=1$QjSRbtsu+6slhxBmoeRbmg$AjRJEw1UF0azFUB2QPol7Q0F+ndDzlPbO5zDg7i3zqs',1,'p&o',0,'',0,NULL,0,NULL,'2025-03-03 09:00:00.000000');
INSERT INTO "users" VALUES(2,'anna','employee','anna@example.org','$argon2id$v=19$m=64,t=1,p=1$427bbIgufblrqfRmyD4YGg$Dsfa4/ZAnCrfQJTLiYMQb/DEwDpGRjoPkwLH3H2hGoY',0,'',0,'',0,NULL,0,NULL,'2025-03-03 09:00:30.000000');
INSERT INTO "users" VALUES(3,'bram','employee','bram@example.org','$argon2id$v=19$m=64,t=1,p=1$yRcJhJVTdeqOzpshmMwHuA$rWMquCxAkdmzhvtKQAZ2/2ozHPUoI2ecSjz2rPGRLy8',0,'',0,'',0,NULL,2,NULL,'2025-03-03 09:00:30.000000');
INSERT INTO "users" VALUES(4,'carla','employee','carla@example.org','$argon2id$v=19$m=64,t=1,p=1$0tD54jEN1Bwe1TXziSUEoA$5q1HE7VrXF4YszLMfebfM+dgf2LdY5xAb6CbMJ/mJcc',0,'',0,'',0,NULL,0,NULL,'2025-03-03 09:00:30.000000');
INSERT INTO "users" VALUES(5,'daan','employee','daan@example.org','$argon2id$v=19$m=64,t=1,p=1$G/szo1xfrXV35TjxO0GI7A$M+FB5H1PsBrU27CL4K/tUs4M3mQVaFcBE/y5U1+gGL0',0,'',0,'',0,NULL,0,NULL,'2025-03-03 09:00:30.000000');
INSERT INTO "users" VALUES(6,'eva','employee','eva@example.org','$argon2id$v=19$m=64,t=1,p=1$HOkM6j1H3Faz8o5F0+08Mg$ZJYfRhBFNNqchCP6Rh98i28vEGdIARk3b8cD2jhRhnI',0,'',0,'',1,NULL,0,NULL,'2025-03-03 09:00:30.000000');
INSERT INTO "users" VALUES(7,'Femke','employee','femke@example.org','$argon2id$v=19$m=64,t=1,p=1$XJGin4jFaYwpwickgxPw3Q$Xd9Bg3Nog8mruqNO2yRuq85gjJ2buHUY1I0Y1XFSdIg',0,'',0,'',0,NULL,0,NULL,'2025-03-03 09:00:30.000000');
INSERT INTO "users" VALUES(8,'extern','extranet','extern@example.org','$argon2id$v=19$m=64,t=1,p=1$caYiy2Jo4NGBrbLCSQ2/kQ$YY++nsSJLfAyNinX1bQYd2lZgtF/SqypWo1TXCHODmQ',0,'',0,'',0,NULL,0,NULL,'2025-03-03 09:02:30.000000');
INSERT INTO "users" VALUES(9,'gerrit','employee','gerrit@example.org',NULL,0,'',0,'',0,NULL,0,NULL,'2025-03-03 09:03:30.000000');
CREATE UNIQUE INDEX ix_users_name ON users (name);
CREATE INDEX ix_audit_log_target ON audit_log (target);
CREATE INDEX ix_audit_log_action ON audit_log (action);
CREATE INDEX ix_audit_log_at ON audit_log (at);
CREATE INDEX ix_audit_log_actor ON audit_log (actor);
CREATE INDEX ix_sessions_user_id ON sessions (user_id);
CREATE UNIQUE INDEX ix_sessions_token_hash ON sessions (token_hash);
CREATE INDEX ix_trusted_devices_user_id ON trusted_devices (user_id);
CREATE UNIQUE INDEX ix_trusted_devices_token_hash ON trusted_devices (token_hash);
CREATE INDEX ix_email_codes_user_id ON email_codes (user_id);
CREATE INDEX ix_activation_tokens_user_id ON activation_tokens (user_id);
CREATE UNIQUE INDEX ix_activation_tokens_token_hash ON activation_tokens (token_hash);
COMMIT;
