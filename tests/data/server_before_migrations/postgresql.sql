--
-- PostgreSQL database dump
--

\restrict tlJNirFykT387zx3tb6rQMz102Ur7jcyeTm2no3XgvMicQ1SoK3ca2D7SSNZnf9

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: activation_tokens; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.activation_tokens (
    id integer NOT NULL,
    token_hash character varying(64) NOT NULL,
    user_id integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    used_at timestamp with time zone
);


--
-- Name: activation_tokens_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.activation_tokens_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: activation_tokens_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.activation_tokens_id_seq OWNED BY public.activation_tokens.id;


--
-- Name: audit_log; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_log (
    id integer NOT NULL,
    at timestamp with time zone NOT NULL,
    actor character varying(64),
    target character varying(64),
    action character varying(64) NOT NULL,
    old text,
    new text,
    ip character varying(64),
    result character varying(32) NOT NULL
);


--
-- Name: audit_log_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.audit_log_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: audit_log_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.audit_log_id_seq OWNED BY public.audit_log.id;


--
-- Name: email_codes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.email_codes (
    id integer NOT NULL,
    user_id integer NOT NULL,
    code bytea NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    used_at timestamp with time zone
);


--
-- Name: email_codes_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.email_codes_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: email_codes_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.email_codes_id_seq OWNED BY public.email_codes.id;


--
-- Name: pending_enrollments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.pending_enrollments (
    user_id integer NOT NULL,
    secret bytea NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL
);


--
-- Name: policy; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.policy (
    id integer NOT NULL,
    employees_enabled boolean NOT NULL,
    employees_method character varying(8) NOT NULL,
    employees_user_adjustable boolean NOT NULL,
    extranet_enabled boolean NOT NULL,
    extranet_method character varying(8) NOT NULL,
    extranet_user_adjustable boolean NOT NULL,
    authenticator_validity_hours integer NOT NULL,
    mail_validity_days integer NOT NULL,
    email_cutoff date NOT NULL
);


--
-- Name: policy_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.policy_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: policy_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.policy_id_seq OWNED BY public.policy.id;


--
-- Name: sessions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sessions (
    id integer NOT NULL,
    token_hash character varying(64) NOT NULL,
    user_id integer NOT NULL,
    state character varying(16) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    completed_at timestamp with time zone,
    ip character varying(64)
);


--
-- Name: sessions_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.sessions_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: sessions_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.sessions_id_seq OWNED BY public.sessions.id;


--
-- Name: totp_credentials; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.totp_credentials (
    user_id integer NOT NULL,
    secret bytea NOT NULL,
    last_step bigint NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: trusted_devices; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.trusted_devices (
    id integer NOT NULL,
    token_hash character varying(64) NOT NULL,
    user_id integer NOT NULL,
    method character varying(8) NOT NULL,
    verified_at timestamp with time zone NOT NULL
);


--
-- Name: trusted_devices_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.trusted_devices_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: trusted_devices_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.trusted_devices_id_seq OWNED BY public.trusted_devices.id;


--
-- Name: users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.users (
    id integer NOT NULL,
    name character varying(64) NOT NULL,
    kind character varying(16) NOT NULL,
    email character varying(254),
    password_hash character varying(255),
    is_admin boolean NOT NULL,
    modules character varying(255) NOT NULL,
    location_manager boolean NOT NULL,
    ip_allowlist text NOT NULL,
    blocked boolean NOT NULL,
    method_choice character varying(8),
    otp_failures integer NOT NULL,
    otp_retry_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: users_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.users_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: users_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.users_id_seq OWNED BY public.users.id;


--
-- Name: activation_tokens id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.activation_tokens ALTER COLUMN id SET DEFAULT nextval('public.activation_tokens_id_seq'::regclass);


--
-- Name: audit_log id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_log ALTER COLUMN id SET DEFAULT nextval('public.audit_log_id_seq'::regclass);


--
-- Name: email_codes id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.email_codes ALTER COLUMN id SET DEFAULT nextval('public.email_codes_id_seq'::regclass);


--
-- Name: policy id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.policy ALTER COLUMN id SET DEFAULT nextval('public.policy_id_seq'::regclass);


--
-- Name: sessions id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sessions ALTER COLUMN id SET DEFAULT nextval('public.sessions_id_seq'::regclass);


--
-- Name: trusted_devices id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.trusted_devices ALTER COLUMN id SET DEFAULT nextval('public.trusted_devices_id_seq'::regclass);


--
-- Name: users id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users ALTER COLUMN id SET DEFAULT nextval('public.users_id_seq'::regclass);


--
-- Data for Name: activation_tokens; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.activation_tokens VALUES (1, '9d2e4c1789f6aba314b26a0b09448c4572d8a560722467605584ff8778b4aac8', 9, '2025-03-03 22:48:30+13:45', '2025-03-06 22:48:30+13:45', NULL);


--
-- Data for Name: audit_log; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.audit_log VALUES (1, '2025-03-03 22:45:00+13:45', 'test', 'beheerder', 'user_create', NULL, '{"admin": true, "email": "beheerder@example.org", "ip_allowlist": [], "kind": "employee", "location_manager": false, "modules": ["p&o"]}', NULL, 'ok');
INSERT INTO public.audit_log VALUES (2, '2025-03-03 22:45:00+13:45', 'beheerder', 'beheerder', 'login', NULL, '{"next": "enroll"}', '127.0.0.1', 'ok');
INSERT INTO public.audit_log VALUES (3, '2025-03-03 22:45:00+13:45', 'beheerder', 'beheerder', 'enroll_complete', NULL, NULL, '127.0.0.1', 'ok');
INSERT INTO public.audit_log VALUES (4, '2025-03-03 22:45:30+13:45', 'beheerder', NULL, 'policy_update', '{"authenticator_validity_hours": 5, "extranet.enabled": false}', '{"authenticator_validity_hours": 8, "extranet.enabled": true}', '127.0.0.1', 'ok');
INSERT INTO public.audit_log VALUES (5, '2025-03-03 22:45:30+13:45', 'test', 'anna', 'user_create', NULL, '{"admin": false, "email": "anna@example.org", "ip_allowlist": [], "kind": "employee", "location_manager": false, "modules": []}', NULL, 'ok');
INSERT INTO public.audit_log VALUES (6, '2025-03-03 22:45:30+13:45', 'test', 'bram', 'user_create', NULL, '{"admin": false, "email": "bram@example.org", "ip_allowlist": [], "kind": "employee", "location_manager": false, "modules": []}', NULL, 'ok');
INSERT INTO public.audit_log VALUES (7, '2025-03-03 22:45:30+13:45', 'test', 'carla', 'user_create', NULL, '{"admin": false, "email": "carla@example.org", "ip_allowlist": [], "kind": "employee", "location_manager": false, "modules": []}', NULL, 'ok');
INSERT INTO public.audit_log VALUES (8, '2025-03-03 22:45:30+13:45', 'test', 'daan', 'user_create', NULL, '{"admin": false, "email": "daan@example.org", "ip_allowlist": [], "kind": "employee", "location_manager": false, "modules": []}', NULL, 'ok');
INSERT INTO public.audit_log VALUES (9, '2025-03-03 22:45:30+13:45', 'test', 'eva', 'user_create', NULL, '{"admin": false, "email": "eva@example.org", "ip_allowlist": [], "kind": "employee", "location_manager": false, "modules": []}', NULL, 'ok');
INSERT INTO public.audit_log VALUES (10, '2025-03-03 22:45:30+13:45', 'test', 'Femke', 'user_create', NULL, '{"admin": false, "email": "femke@example.org", "ip_allowlist": [], "kind": "employee", "location_manager": false, "modules": []}', NULL, 'ok');
INSERT INTO public.audit_log VALUES (11, '2025-03-03 22:45:30+13:45', 'anna', 'anna', 'login', NULL, '{"next": "enroll"}', '127.0.0.1', 'ok');
INSERT INTO public.audit_log VALUES (12, '2025-03-03 22:45:30+13:45', 'anna', 'anna', 'enroll_complete', NULL, NULL, '127.0.0.1', 'ok');
INSERT INTO public.audit_log VALUES (13, '2025-03-03 22:46:00+13:45', 'bram', 'bram', 'login', NULL, '{"next": "enroll"}', '127.0.0.1', 'ok');
INSERT INTO public.audit_log VALUES (14, '2025-03-03 22:46:00+13:45', 'bram', 'bram', 'enroll_complete', NULL, NULL, '127.0.0.1', 'ok');
INSERT INTO public.audit_log VALUES (15, '2025-03-03 22:46:30+13:45', 'bram', 'bram', 'login', NULL, '{"next": "totp"}', '127.0.0.1', 'ok');
INSERT INTO public.audit_log VALUES (16, '2025-03-03 22:46:30+13:45', 'bram', 'bram', 'verify', NULL, '{"failures": 1, "step": "totp"}', '127.0.0.1', 'invalid_code');
INSERT INTO public.audit_log VALUES (17, '2025-03-03 22:46:30+13:45', 'bram', 'bram', 'verify', NULL, '{"failures": 2, "step": "totp"}', '127.0.0.1', 'invalid_code');
INSERT INTO public.audit_log VALUES (18, '2025-03-03 22:46:30+13:45', 'carla', 'carla', 'login', NULL, '{"next": "enroll"}', '127.0.0.1', 'ok');
INSERT INTO public.audit_log VALUES (19, '2025-03-03 22:46:30+13:45', 'eva', 'eva', 'login', NULL, '{"next": "enroll"}', '127.0.0.1', 'ok');
INSERT INTO public.audit_log VALUES (20, '2025-03-03 22:46:30+13:45', 'eva', 'eva', 'enroll_complete', NULL, NULL, '127.0.0.1', 'ok');
INSERT INTO public.audit_log VALUES (21, '2025-03-03 22:47:00+13:45', 'Femke', 'Femke', 'login', NULL, '{"next": "enroll"}', '127.0.0.1', 'ok');
INSERT INTO public.audit_log VALUES (22, '2025-03-03 22:47:00+13:45', 'Femke', 'Femke', 'enroll_complete', NULL, NULL, '127.0.0.1', 'ok');
INSERT INTO public.audit_log VALUES (23, '2025-03-03 22:47:30+13:45', 'beheerder', 'eva', 'block', '{"blocked": false}', '{"blocked": true}', '127.0.0.1', 'ok');
INSERT INTO public.audit_log VALUES (24, '2025-03-03 22:47:30+13:45', 'test', 'extern', 'user_create', NULL, '{"admin": false, "email": "extern@example.org", "ip_allowlist": [], "kind": "extranet", "location_manager": false, "modules": []}', NULL, 'ok');
INSERT INTO public.audit_log VALUES (25, '2025-03-03 22:47:30+13:45', 'extern', 'extern', 'login', NULL, '{"next": "email"}', '127.0.0.1', 'ok');
INSERT INTO public.audit_log VALUES (26, '2025-03-03 22:47:30+13:45', 'extern', 'extern', 'email_code_sent', NULL, NULL, '127.0.0.1', 'ok');
INSERT INTO public.audit_log VALUES (27, '2025-03-03 22:47:30+13:45', 'extern', 'extern', 'verify', NULL, NULL, '127.0.0.1', 'ok');
INSERT INTO public.audit_log VALUES (28, '2025-03-03 22:48:30+13:45', 'extern', 'extern', 'login', NULL, '{"next": "email"}', '127.0.0.1', 'ok');
INSERT INTO public.audit_log VALUES (29, '2025-03-03 22:48:30+13:45', 'extern', 'extern', 'email_code_sent', NULL, NULL, '127.0.0.1', 'ok');
INSERT INTO public.audit_log VALUES (30, '2025-03-03 22:48:30+13:45', 'beheerder', 'gerrit', 'user_create', NULL, '{"admin": false, "email": "gerrit@example.org", "ip_allowlist": [], "kind": "employee", "location_manager": false, "modules": []}', '127.0.0.1', 'ok');
INSERT INTO public.audit_log VALUES (31, '2025-03-03 22:48:30+13:45', 'beheerder', 'gerrit', 'activation_mail', NULL, '{"to": "g***@example.org"}', '127.0.0.1', 'ok');


--
-- Data for Name: email_codes; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.email_codes VALUES (1, 8, '\x01b384f77c040ffcd64f90fe05e02f1b70f1e939991134bd6919f9b6928786012fd8d8bc94', '2025-03-03 22:47:30+13:45', '2025-03-03 22:57:30+13:45', '2025-03-03 22:47:30+13:45');
INSERT INTO public.email_codes VALUES (2, 8, '\x0184978347ab60fcbe645ba28ed62af7c4e5e1e8c3dcda44e4798f38c4e517ee14c3f3ae66', '2025-03-03 22:48:30+13:45', '2025-03-03 22:58:30+13:45', NULL);


--
-- Data for Name: pending_enrollments; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.pending_enrollments VALUES (4, '\x01d8bdd840e72696b0cf93b480380d4184aadf5abffee62dacc5666cd66f10957e6a5dfae88596c17cf5d2f856dff21940', '2025-03-03 22:46:30+13:45', '2025-03-03 23:01:30+13:45');


--
-- Data for Name: policy; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.policy VALUES (1, true, 'app', false, true, 'email', false, 8, 0, '2024-06-17');


--
-- Data for Name: sessions; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.sessions VALUES (1, '9605648b673d76fb608f3b7df5a1e7867c9b0524fbcb9f0b30c9e05edea7cf55', 1, 'done', '2025-03-03 22:45:00+13:45', '2025-03-04 06:45:00+13:45', '2025-03-03 22:45:00+13:45', '127.0.0.1');
INSERT INTO public.sessions VALUES (2, 'fd63172e7527bfe6341055d88081fbadac6d7eebcce6f20a11c2c0e4d0dcca76', 2, 'done', '2025-03-03 22:45:30+13:45', '2025-03-04 06:45:30+13:45', '2025-03-03 22:45:30+13:45', '127.0.0.1');
INSERT INTO public.sessions VALUES (3, 'd0099b78f7b2f3b7af6632d8770a21b4ac99b8266ca8ad23865993d7938725ce', 3, 'done', '2025-03-03 22:46:00+13:45', '2025-03-04 06:46:00+13:45', '2025-03-03 22:46:00+13:45', '127.0.0.1');
INSERT INTO public.sessions VALUES (4, 'c1854dd1cf394dc56b1a8b52f5927ab791cf6e93e9655a64d94233029b12d557', 3, 'totp', '2025-03-03 22:46:30+13:45', '2025-03-03 23:01:30+13:45', NULL, '127.0.0.1');
INSERT INTO public.sessions VALUES (5, '05cc992208de2f50832910db3b8c734b9415578ec1871c377cddb594d8910127', 4, 'enroll', '2025-03-03 22:46:30+13:45', '2025-03-03 23:01:30+13:45', NULL, '127.0.0.1');
INSERT INTO public.sessions VALUES (7, '7cc28831a4d94b7c364770f180bea27982d3a7d8a05b5f883cba36bd02dd0488', 7, 'done', '2025-03-03 22:47:00+13:45', '2025-03-04 06:47:00+13:45', '2025-03-03 22:47:00+13:45', '127.0.0.1');
INSERT INTO public.sessions VALUES (8, '8faa8cb88323f88f368092a560dc3f3f1cf6a1be333d528e41a91d21f3c326b6', 8, 'done', '2025-03-03 22:47:30+13:45', '2025-03-04 06:47:30+13:45', '2025-03-03 22:47:30+13:45', '127.0.0.1');
INSERT INTO public.sessions VALUES (9, '65586b9ab47833f3edb92ef072c63262fbe3b91119cc9d41ffa47f0897a1822d', 8, 'email', '2025-03-03 22:48:30+13:45', '2025-03-03 23:03:30+13:45', NULL, '127.0.0.1');


--
-- Data for Name: totp_credentials; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.totp_credentials VALUES (1, '\x01e9e7208d8c393f626e0d77b9060f10a81d13fc893200b6e24930bf021125008d68e64054513014ba830ac83acd83146e', 58033080, '2025-03-03 22:45:00+13:45');
INSERT INTO public.totp_credentials VALUES (2, '\x01c43d48789293fabd784e471e0a4b43c34c18391c21c3dde33310636b6aca047a10be8c43db4349b7f9baf8bc0c100def', 58033081, '2025-03-03 22:45:30+13:45');
INSERT INTO public.totp_credentials VALUES (3, '\x01d76974ead30e2aa9ffccffe2561521d32e0558a6dfb0263d767082f4f752e814655e52d0337aeb6f0d8af54705982a41', 58033082, '2025-03-03 22:46:00+13:45');
INSERT INTO public.totp_credentials VALUES (6, '\x01532aed486cc3c93157dfae6676971e51552a340897f98b2bab4c2ba6405c220e344fccb2cb2d64482765edf86102940a', 58033083, '2025-03-03 22:46:30+13:45');
INSERT INTO public.totp_credentials VALUES (7, '\x0162c47bc286910ac92d18319d1ff94da3002257d7aad0d1ec4e21b4d2199a22b9b2e32b2896dc3966842ab7e7e456b3cf', 58033084, '2025-03-03 22:47:00+13:45');


--
-- Data for Name: trusted_devices; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.trusted_devices VALUES (1, '451facdfad138bc45e57e1ebbff15e331969b4acc264c08f7e5ef29307bdc431', 1, 'app', '2025-03-03 22:45:00+13:45');
INSERT INTO public.trusted_devices VALUES (2, '5742770b5983a3cd3780eda6afba1dd770f6e42c40ca12f30498e54741445022', 2, 'app', '2025-03-03 22:45:30+13:45');
INSERT INTO public.trusted_devices VALUES (3, 'bdee8e2522678eeecc7c21e084f297b9d097cf3a6f68b675056f3cf22f778dd7', 3, 'app', '2025-03-03 22:46:00+13:45');
INSERT INTO public.trusted_devices VALUES (5, '176ff3497883cd214cad62777b173fb405adaacbce1b19a7823f51207de7b646', 7, 'app', '2025-03-03 22:47:00+13:45');
INSERT INTO public.trusted_devices VALUES (6, '0c0692675506594187b5495ae7ed2531869058510a97c8130d1c1523ed7a849b', 8, 'email', '2025-03-03 22:47:30+13:45');


--
-- Data for Name: users; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.users VALUES (1, 'beheerder', 'employee', 'beheerder@example.org', '$argon2id$v=19$m=64,t=1,p=1$jrASFAETv1g+AC9joNMT7g$Mt50BC1g8S8+VUwLY4e3e6+TTE/YGLeZcc/QpLpuvIA', true, 'p&o', false, '', false, NULL, 0, NULL, '2025-03-03 22:45:00+13:45');
INSERT INTO public.users VALUES (2, 'anna', 'employee', 'anna@example.org', '$argon2id$v=19$m=64,t=1,p=1$Y+Dywvf9JsUrqLqlYcwPEg$u8i23foB5weg+1qU0jcXoymd/BCuj9INi4a8Pb+Wauc', false, '', false, '', false, NULL, 0, NULL, '2025-03-03 22:45:30+13:45');
INSERT INTO public.users VALUES (4, 'carla', 'employee', 'carla@example.org', '$argon2id$v=19$m=64,t=1,p=1$mEKOAuH9zhaZMFvlrI+6tQ$PzCUH/8DX3yocGripn1HaAjENrVA6iH+yAwlAOXdcc0', false, '', false, '', false, NULL, 0, NULL, '2025-03-03 22:45:30+13:45');
INSERT INTO public.users VALUES (5, 'daan', 'employee', 'daan@example.org', '$argon2id$v=19$m=64,t=1,p=1$pwgSfZZFf/VRwTDJyE+0zQ$rLWV051qKZRjn41/DzxxcUXU/6GyvuLqmMSLPDi9X1o', false, '', false, '', false, NULL, 0, NULL, '2025-03-03 22:45:30+13:45');
INSERT INTO public.users VALUES (7, 'Femke', 'employee', 'femke@example.org', '$argon2id$v=19$m=64,t=1,p=1$BN++dkFGSwpcyxftM3/87Q$Rc9w+VjannyCHnjoUzKC2Z4K76zM47C5Y8dtihPOViY', false, '', false, '', false, NULL, 0, NULL, '2025-03-03 22:45:30+13:45');
INSERT INTO public.users VALUES (3, 'bram', 'employee', 'bram@example.org', '$argon2id$v=19$m=64,t=1,p=1$V4gDlTZkAyTUL+MCw/c22g$v480VhjIiP8H/BICI0+P2Uig8T6zocmhDsyI+uW6YdU', false, '', false, '', false, NULL, 2, NULL, '2025-03-03 22:45:30+13:45');
INSERT INTO public.users VALUES (6, 'eva', 'employee', 'eva@example.org', '$argon2id$v=19$m=64,t=1,p=1$gFzdU5XDPiDRqrX66pQ08w$zrSFetmU0oi5UK2Z4LYrsGRyWoDo1a2rvvf9kaJgSYc', false, '', false, '', true, NULL, 0, NULL, '2025-03-03 22:45:30+13:45');
INSERT INTO public.users VALUES (8, 'extern', 'extranet', 'extern@example.org', '$argon2id$v=19$m=64,t=1,p=1$7zY0EY9pcxf4EI1wHbW5jw$rOLjTTsSjgqY2Aa1ektVOUZjKXqGm+BYK9k86dolqBg', false, '', false, '', false, NULL, 0, NULL, '2025-03-03 22:47:30+13:45');
INSERT INTO public.users VALUES (9, 'gerrit', 'employee', 'gerrit@example.org', NULL, false, '', false, '', false, NULL, 0, NULL, '2025-03-03 22:48:30+13:45');


--
-- Name: activation_tokens_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.activation_tokens_id_seq', 1, true);


--
-- Name: audit_log_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.audit_log_id_seq', 31, true);


--
-- Name: email_codes_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.email_codes_id_seq', 2, true);


--
-- Name: policy_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.policy_id_seq', 1, false);


--
-- Name: sessions_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.sessions_id_seq', 9, true);


--
-- Name: trusted_devices_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.trusted_devices_id_seq', 6, true);


--
-- Name: users_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.users_id_seq', 9, true);


--
-- Name: activation_tokens activation_tokens_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.activation_tokens
    ADD CONSTRAINT activation_tokens_pkey PRIMARY KEY (id);


--
-- Name: audit_log audit_log_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id);


--
-- Name: email_codes email_codes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.email_codes
    ADD CONSTRAINT email_codes_pkey PRIMARY KEY (id);


--
-- Name: pending_enrollments pending_enrollments_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pending_enrollments
    ADD CONSTRAINT pending_enrollments_pkey PRIMARY KEY (user_id);


--
-- Name: policy policy_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.policy
    ADD CONSTRAINT policy_pkey PRIMARY KEY (id);


--
-- Name: sessions sessions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT sessions_pkey PRIMARY KEY (id);


--
-- Name: totp_credentials totp_credentials_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.totp_credentials
    ADD CONSTRAINT totp_credentials_pkey PRIMARY KEY (user_id);


--
-- Name: trusted_devices trusted_devices_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.trusted_devices
    ADD CONSTRAINT trusted_devices_pkey PRIMARY KEY (id);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: ix_activation_tokens_token_hash; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ix_activation_tokens_token_hash ON public.activation_tokens USING btree (token_hash);


--
-- Name: ix_activation_tokens_user_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_activation_tokens_user_id ON public.activation_tokens USING btree (user_id);


--
-- Name: ix_audit_log_action; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_audit_log_action ON public.audit_log USING btree (action);


--
-- Name: ix_audit_log_actor; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_audit_log_actor ON public.audit_log USING btree (actor);


--
-- Name: ix_audit_log_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_audit_log_at ON public.audit_log USING btree (at);


--
-- Name: ix_audit_log_target; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_audit_log_target ON public.audit_log USING btree (target);


--
-- Name: ix_email_codes_user_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_email_codes_user_id ON public.email_codes USING btree (user_id);


--
-- Name: ix_sessions_token_hash; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ix_sessions_token_hash ON public.sessions USING btree (token_hash);


--
-- Name: ix_sessions_user_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_sessions_user_id ON public.sessions USING btree (user_id);


--
-- Name: ix_trusted_devices_token_hash; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ix_trusted_devices_token_hash ON public.trusted_devices USING btree (token_hash);


--
-- Name: ix_trusted_devices_user_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_trusted_devices_user_id ON public.trusted_devices USING btree (user_id);


--
-- Name: ix_users_name; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ix_users_name ON public.users USING btree (name);


--
-- Name: activation_tokens activation_tokens_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.activation_tokens
    ADD CONSTRAINT activation_tokens_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: email_codes email_codes_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.email_codes
    ADD CONSTRAINT email_codes_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: pending_enrollments pending_enrollments_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pending_enrollments
    ADD CONSTRAINT pending_enrollments_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: sessions sessions_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: totp_credentials totp_credentials_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.totp_credentials
    ADD CONSTRAINT totp_credentials_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: trusted_devices trusted_devices_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.trusted_devices
    ADD CONSTRAINT trusted_devices_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--

\unrestrict tlJNirFykT387zx3tb6rQMz102Ur7jcyeTm2no3XgvMicQ1SoK3ca2D7SSNZnf9

