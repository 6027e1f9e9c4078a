-- The whole schema of the portal. PostgreSQL is the source of truth;
-- Meilisearch is fed from search_outbox by a worker.

-- +goose Up
CREATE EXTENSION IF NOT EXISTS unaccent;

-- Today's date in Vietnam: job deadlines end at midnight local time,
-- whatever the server's time zone.
CREATE FUNCTION vn_today() RETURNS date
    AS $$ SELECT (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date $$
    LANGUAGE sql STABLE;

-- Cities are rows, not an enum: the wider HCMC–Mekong Delta agreement adds more.
CREATE TABLE cities (
    code          text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
    province_code integer NOT NULL UNIQUE,
    name_vi       text NOT NULL,
    name_en       text NOT NULL,
    short_vi      text NOT NULL,
    sort_order    integer NOT NULL DEFAULT 0
);

-- Wards and communes after the 1 July 2025 reform (two-tier local government).
CREATE TABLE wards (
    code       text PRIMARY KEY,
    city_code  text NOT NULL REFERENCES cities(code),
    name       text NOT NULL,
    kind       text NOT NULL CHECK (kind IN ('phuong', 'xa', 'dac_khu')),
    -- "old ward, old district, old province; …" as resolved by the NQ of UBTVQH;
    -- kept so that search and filters still find "Quận 7" or "Sóc Trăng".
    former_units text NOT NULL DEFAULT ''
);
CREATE INDEX wards_city_idx ON wards (city_code, name);
-- lets entries reference (ward, city) so a ward always belongs to the entry's city
CREATE UNIQUE INDEX wards_code_city_key ON wards (code, city_code);

CREATE TABLE former_units (
    ward_code         text NOT NULL REFERENCES wards(code),
    old_ward_code     text NOT NULL,
    old_ward_name     text NOT NULL,
    old_district_name text NOT NULL,
    old_province_name text NOT NULL,
    coverage          text NOT NULL CHECK (coverage IN ('full', 'partial')),
    PRIMARY KEY (ward_code, old_ward_code)
);

-- Publishers, with the dates they were the competent body: in 2025 the work of
-- the Sở LĐ-TB&XH moved to Sở Nội vụ, Sở GD&ĐT and Sở Y tế.
CREATE TABLE departments (
    code        text PRIMARY KEY,
    city_code   text NOT NULL REFERENCES cities(code),
    name_vi     text NOT NULL,
    name_en     text NOT NULL,
    short_vi    text NOT NULL,
    valid_from  date NOT NULL,
    valid_to    date,
    successor   text REFERENCES departments(code),
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

CREATE TABLE vsic_sections (
    version text NOT NULL,
    code    text NOT NULL CHECK (code ~ '^[A-Z]$'),
    name_vi text NOT NULL,
    name_en text NOT NULL,
    PRIMARY KEY (version, code)
);

CREATE TABLE vsco_groups (
    version text NOT NULL,
    code    text NOT NULL CHECK (code ~ '^[0-9]$'),
    name_vi text NOT NULL,
    name_en text NOT NULL,
    PRIMARY KEY (version, code)
);

-- Every entry table shares these columns (written out in each, on purpose:
-- plain SQL that reads on its own):
--   id, slug, status, external_id, department_code, archive_reason,
--   created_at, updated_at, published_at, version.
-- city NULL means "both cities" where the spec allows hcm, cantho or both.

CREATE TABLE policies (
    id              bigserial PRIMARY KEY,
    slug            text NOT NULL,
    status          text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
    external_id     text NOT NULL DEFAULT '',
    department_code text NOT NULL REFERENCES departments(code),
    archive_reason  text NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    published_at    timestamptz,
    version         integer NOT NULL DEFAULT 1 CHECK (version > 0),

    title          text NOT NULL CHECK (btrim(title) <> ''),
    kind           text NOT NULL CHECK (kind IN ('program', 'policy', 'guidance', 'announcement')),
    field          text NOT NULL CHECK (field IN ('labour', 'employment', 'vocational', 'meritorious', 'social')),
    doc_number     text NOT NULL DEFAULT '',
    issuer         text NOT NULL DEFAULT '',
    issued_on      date,
    effective_from date,
    effective_to   date,
    summary        text NOT NULL DEFAULT '',
    body           text NOT NULL DEFAULT '',
    source_url     text NOT NULL DEFAULT '',
    city           text REFERENCES cities(code),
    CONSTRAINT policies_effective_range_check CHECK (effective_to IS NULL OR effective_from IS NULL OR effective_to >= effective_from)
);
CREATE UNIQUE INDEX policies_external_id_key ON policies (external_id) WHERE external_id <> '';
CREATE INDEX policies_public_idx ON policies (status, published_at DESC, id DESC);

CREATE TABLE companies (
    id              bigserial PRIMARY KEY,
    slug            text NOT NULL,
    status          text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
    external_id     text NOT NULL DEFAULT '',
    department_code text NOT NULL REFERENCES departments(code),
    archive_reason  text NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    published_at    timestamptz,
    version         integer NOT NULL DEFAULT 1 CHECK (version > 0),

    tax_code         text NOT NULL CHECK (tax_code ~ '^[0-9]{10}(-[0-9]{3})?$'),
    name             text NOT NULL CHECK (btrim(name) <> ''),
    industry_version text NOT NULL DEFAULT 'VSIC2018',
    industry_code    text NOT NULL,
    address          text NOT NULL DEFAULT '',
    ward_code        text REFERENCES wards(code),
    city             text NOT NULL REFERENCES cities(code),
    employees        integer CHECK (employees >= 0),
    website          text NOT NULL DEFAULT '',
    phone            text NOT NULL DEFAULT '',
    email            text NOT NULL DEFAULT '',
    description      text NOT NULL DEFAULT '',
    CONSTRAINT companies_industry_fkey FOREIGN KEY (industry_version, industry_code) REFERENCES vsic_sections(version, code)
);
CREATE UNIQUE INDEX companies_tax_code_key ON companies (tax_code);
CREATE UNIQUE INDEX companies_external_id_key ON companies (external_id) WHERE external_id <> '';
CREATE INDEX companies_public_idx ON companies (status, city);

CREATE TABLE jobs (
    id              bigserial PRIMARY KEY,
    slug            text NOT NULL,
    status          text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
    external_id     text NOT NULL DEFAULT '',
    department_code text NOT NULL REFERENCES departments(code),
    archive_reason  text NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    published_at    timestamptz,
    version         integer NOT NULL DEFAULT 1 CHECK (version > 0),

    company_id         bigint NOT NULL REFERENCES companies(id),
    title              text NOT NULL CHECK (btrim(title) <> ''),
    occupation_version text NOT NULL DEFAULT 'VSCO2020',
    occupation_code    text NOT NULL,
    positions          integer NOT NULL CHECK (positions > 0),
    wage_min           bigint CHECK (wage_min >= 0),
    wage_max           bigint CHECK (wage_max >= 0),
    employment_type    text NOT NULL CHECK (employment_type IN ('full_time', 'part_time', 'seasonal', 'contract')),
    education          text NOT NULL CHECK (education IN ('none', 'lower_secondary', 'upper_secondary', 'so_cap', 'trung_cap', 'cao_dang', 'university')),
    experience_years   integer NOT NULL DEFAULT 0 CHECK (experience_years >= 0 AND experience_years <= 50),
    work_address       text NOT NULL DEFAULT '',
    ward_code          text REFERENCES wards(code),
    city               text NOT NULL REFERENCES cities(code),
    requirements       text NOT NULL DEFAULT '',
    benefits           text NOT NULL DEFAULT '',
    description        text NOT NULL DEFAULT '',
    deadline           date,
    contact            text NOT NULL DEFAULT '',
    priority_groups    text[] NOT NULL DEFAULT '{}'
        CHECK (priority_groups <@ ARRAY['meritorious', 'disabled', 'veteran', 'poor_household']::text[]),
    CONSTRAINT jobs_wage_range_check CHECK (wage_min IS NULL OR wage_max IS NULL OR wage_min <= wage_max),
    CONSTRAINT jobs_occupation_fkey FOREIGN KEY (occupation_version, occupation_code) REFERENCES vsco_groups(version, code)
);
CREATE UNIQUE INDEX jobs_external_id_key ON jobs (external_id) WHERE external_id <> '';
CREATE INDEX jobs_public_idx ON jobs (status, city, deadline);
CREATE INDEX jobs_company_idx ON jobs (company_id);

CREATE TABLE schools (
    id              bigserial PRIMARY KEY,
    slug            text NOT NULL,
    status          text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
    external_id     text NOT NULL DEFAULT '',
    department_code text NOT NULL REFERENCES departments(code),
    archive_reason  text NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    published_at    timestamptz,
    version         integer NOT NULL DEFAULT 1 CHECK (version > 0),

    code           text NOT NULL CHECK (btrim(code) <> ''),
    name           text NOT NULL CHECK (btrim(name) <> ''),
    kind           text NOT NULL CHECK (kind IN ('cao_dang', 'trung_cap', 'trung_tam', 'other')),
    ownership      text NOT NULL CHECK (ownership IN ('public', 'private', 'foreign')),
    address        text NOT NULL DEFAULT '',
    ward_code      text REFERENCES wards(code),
    city           text NOT NULL REFERENCES cities(code),
    founded_year   integer CHECK (founded_year BETWEEN 1800 AND 2100),
    website        text NOT NULL DEFAULT '',
    phone          text NOT NULL DEFAULT '',
    email          text NOT NULL DEFAULT '',
    description    text NOT NULL DEFAULT '',
    accredited     boolean NOT NULL DEFAULT false,
    seeks_partners boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX schools_city_code_key ON schools (city, code);
CREATE UNIQUE INDEX schools_external_id_key ON schools (external_id) WHERE external_id <> '';

CREATE TABLE programs (
    id              bigserial PRIMARY KEY,
    slug            text NOT NULL,
    status          text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
    external_id     text NOT NULL DEFAULT '',
    department_code text NOT NULL REFERENCES departments(code),
    archive_reason  text NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    published_at    timestamptz,
    version         integer NOT NULL DEFAULT 1 CHECK (version > 0),

    school_id       bigint NOT NULL REFERENCES schools(id),
    name            text NOT NULL CHECK (btrim(name) <> ''),
    level           text NOT NULL CHECK (level IN ('so_cap', 'trung_cap', 'cao_dang')),
    duration_months integer CHECK (duration_months > 0 AND duration_months <= 120),
    tuition_vnd     bigint CHECK (tuition_vnd >= 0),
    quota           integer CHECK (quota >= 0),
    intake          text NOT NULL DEFAULT '',
    mode            text NOT NULL CHECK (mode IN ('full_time', 'work_study', 'online')),
    support         text NOT NULL DEFAULT '',
    description     text NOT NULL DEFAULT '',
    -- the school's city, kept here so lists filter without a join
    city            text NOT NULL REFERENCES cities(code)
);
CREATE INDEX programs_public_idx ON programs (status, city);
CREATE UNIQUE INDEX programs_external_id_key ON programs (external_id) WHERE external_id <> '';
CREATE INDEX programs_school_idx ON programs (school_id);

CREATE TABLE projects (
    id              bigserial PRIMARY KEY,
    slug            text NOT NULL,
    status          text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
    external_id     text NOT NULL DEFAULT '',
    department_code text NOT NULL REFERENCES departments(code),
    archive_reason  text NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    published_at    timestamptz,
    version         integer NOT NULL DEFAULT 1 CHECK (version > 0),

    title        text NOT NULL CHECK (btrim(title) <> ''),
    organization text NOT NULL DEFAULT '',
    kind         text NOT NULL CHECK (kind IN ('investment', 'training', 'employment', 'social_security', 'ngo')),
    field        text NOT NULL DEFAULT '',
    city         text NOT NULL REFERENCES cities(code),
    budget_vnd   bigint CHECK (budget_vnd >= 0),
    start_on     date,
    end_on       date,
    stage        text NOT NULL CHECK (stage IN ('proposed', 'seeking_partners', 'ongoing', 'completed')),
    description  text NOT NULL DEFAULT '',
    contact      text NOT NULL DEFAULT '',
    CONSTRAINT projects_date_range_check CHECK (end_on IS NULL OR start_on IS NULL OR end_on >= start_on)
);
CREATE UNIQUE INDEX projects_external_id_key ON projects (external_id) WHERE external_id <> '';

CREATE TABLE commitments (
    id              bigserial PRIMARY KEY,
    slug            text NOT NULL,
    status          text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
    external_id     text NOT NULL DEFAULT '',
    department_code text NOT NULL REFERENCES departments(code),
    archive_reason  text NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    published_at    timestamptz,
    version         integer NOT NULL DEFAULT 1 CHECK (version > 0),

    policy_id        bigint NOT NULL REFERENCES policies(id),
    title            text NOT NULL CHECK (btrim(title) <> ''),
    description      text NOT NULL DEFAULT '',
    -- the lead city; NULL = both cities lead together
    city             text REFERENCES cities(code),
    progress         text NOT NULL DEFAULT 'not_started' CHECK (progress IN ('not_started', 'in_progress', 'done', 'delayed')),
    due_on           date,
    sort_order       integer NOT NULL DEFAULT 0,
    progress_updates jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(progress_updates) = 'array'),
    reviews          jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(reviews) = 'array')
);
CREATE UNIQUE INDEX commitments_external_id_key ON commitments (external_id) WHERE external_id <> '';
CREATE INDEX commitments_policy_idx ON commitments (policy_id, sort_order, id);

-- A ward named by an entry must lie in the entry's city (MATCH SIMPLE: no
-- check when the ward is left empty).
ALTER TABLE companies ADD CONSTRAINT companies_ward_city_fkey FOREIGN KEY (ward_code, city) REFERENCES wards (code, city_code);
ALTER TABLE jobs ADD CONSTRAINT jobs_ward_city_fkey FOREIGN KEY (ward_code, city) REFERENCES wards (code, city_code);
ALTER TABLE schools ADD CONSTRAINT schools_ward_city_fkey FOREIGN KEY (ward_code, city) REFERENCES wards (code, city_code);

-- A program is in its school's city; the trigger keeps it so and says
-- clearly when the school does not exist.
-- +goose StatementBegin
CREATE FUNCTION programs_city_from_school() RETURNS trigger AS $$
BEGIN
    SELECT city INTO NEW.city FROM schools WHERE id = NEW.school_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'school % does not exist', NEW.school_id
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'programs_school_id_fkey';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd
CREATE TRIGGER programs_city_from_school BEFORE INSERT OR UPDATE OF school_id ON programs
    FOR EACH ROW EXECUTE FUNCTION programs_city_from_school();

-- A program must be a policy of kind 'program': a CHECK cannot look at
-- another table, so a trigger guards it.
-- +goose StatementBegin
CREATE FUNCTION commitments_policy_is_program() RETURNS trigger AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM policies WHERE id = NEW.policy_id AND kind = 'program') THEN
        RAISE EXCEPTION 'commitment % must belong to a policy of kind program', NEW.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'commitments_policy_is_program';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd
CREATE TRIGGER commitments_policy_is_program BEFORE INSERT OR UPDATE OF policy_id ON commitments
    FOR EACH ROW EXECUTE FUNCTION commitments_policy_is_program();

-- The search outbox. A trigger on every entry table adds a row, in the
-- writing transaction, whenever a published entry is written or stops being
-- published, so no code path can forget it. The search worker drains it.
CREATE TABLE search_outbox (
    id              bigserial PRIMARY KEY,
    entity_type     text NOT NULL,
    entity_id       bigint NOT NULL,
    op              text NOT NULL CHECK (op IN ('upsert', 'delete')),
    enqueued_at     timestamptz NOT NULL DEFAULT now(),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text NOT NULL DEFAULT '',
    done_at         timestamptz,
    parked_at       timestamptz
);
CREATE INDEX search_outbox_pending_idx ON search_outbox (next_attempt_at, id)
    WHERE done_at IS NULL AND parked_at IS NULL;

-- +goose StatementBegin
CREATE FUNCTION enqueue_search() RETURNS trigger AS $$
DECLARE
    entity text := TG_ARGV[0];
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.status = 'published' THEN
            INSERT INTO search_outbox (entity_type, entity_id, op) VALUES (entity, OLD.id, 'delete');
        END IF;
    ELSIF NEW.status = 'published' THEN
        INSERT INTO search_outbox (entity_type, entity_id, op) VALUES (entity, NEW.id, 'upsert');
    ELSIF TG_OP = 'UPDATE' AND OLD.status = 'published' THEN
        INSERT INTO search_outbox (entity_type, entity_id, op) VALUES (entity, NEW.id, 'delete');
    ELSE
        RETURN NULL;
    END IF;
    -- Children show their parent's name and are public only while it is:
    -- a change to a company reaches its jobs, a school its programs, a
    -- program (policy) its commitments. The worker re-reads each one and
    -- upserts or deletes it as it now stands.
    IF TG_OP = 'UPDATE' THEN
        IF entity = 'company' THEN
            INSERT INTO search_outbox (entity_type, entity_id, op)
                SELECT 'job', j.id, 'upsert' FROM jobs j WHERE j.company_id = NEW.id AND j.status = 'published';
        ELSIF entity = 'school' THEN
            INSERT INTO search_outbox (entity_type, entity_id, op)
                SELECT 'program', p.id, 'upsert' FROM programs p WHERE p.school_id = NEW.id AND p.status = 'published';
        ELSIF entity = 'policy' THEN
            INSERT INTO search_outbox (entity_type, entity_id, op)
                SELECT 'commitment', m.id, 'upsert' FROM commitments m WHERE m.policy_id = NEW.id AND m.status = 'published';
        END IF;
    END IF;
    PERFORM pg_notify('search_outbox', entity);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd

CREATE TRIGGER policies_search AFTER INSERT OR UPDATE OR DELETE ON policies FOR EACH ROW EXECUTE FUNCTION enqueue_search('policy');
CREATE TRIGGER companies_search AFTER INSERT OR UPDATE OR DELETE ON companies FOR EACH ROW EXECUTE FUNCTION enqueue_search('company');
CREATE TRIGGER jobs_search AFTER INSERT OR UPDATE OR DELETE ON jobs FOR EACH ROW EXECUTE FUNCTION enqueue_search('job');
CREATE TRIGGER schools_search AFTER INSERT OR UPDATE OR DELETE ON schools FOR EACH ROW EXECUTE FUNCTION enqueue_search('school');
CREATE TRIGGER programs_search AFTER INSERT OR UPDATE OR DELETE ON programs FOR EACH ROW EXECUTE FUNCTION enqueue_search('program');
CREATE TRIGGER projects_search AFTER INSERT OR UPDATE OR DELETE ON projects FOR EACH ROW EXECUTE FUNCTION enqueue_search('project');
CREATE TRIGGER commitments_search AFTER INSERT OR UPDATE OR DELETE ON commitments FOR EACH ROW EXECUTE FUNCTION enqueue_search('commitment');

-- Small facts about this installation, e.g. that the demo data set is loaded.
CREATE TABLE site_meta (
    key   text PRIMARY KEY,
    value text NOT NULL
);

-- +goose Down
DROP TABLE site_meta;
DROP TABLE search_outbox;
DROP TABLE commitments;
DROP TABLE projects;
DROP TABLE programs;
DROP FUNCTION programs_city_from_school();
DROP TABLE schools;
DROP TABLE jobs;
DROP TABLE companies;
DROP TABLE policies;
DROP FUNCTION commitments_policy_is_program();
DROP FUNCTION enqueue_search();
DROP TABLE vsco_groups;
DROP TABLE vsic_sections;
DROP TABLE departments;
DROP TABLE former_units;
DROP TABLE wards;
DROP TABLE cities;
DROP FUNCTION vn_today();
DROP EXTENSION IF EXISTS unaccent;
