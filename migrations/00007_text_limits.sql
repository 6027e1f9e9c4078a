-- Every free-text column of every entry table has a maximum length, in
-- characters. The numbers are domain.TextLimits (internal/domain/limits.go);
-- TestTextLimitsMatchTheSchema keeps the two equal. Validation refuses a
-- longer value first, with a message on its field; these CHECKs hold for
-- any other writer. Codes (status, city, kind, …) are already bounded by
-- their foreign keys and CHECK … IN.

-- +goose Up
ALTER TABLE policies
    ADD CONSTRAINT policies_slug_length CHECK (char_length(slug) <= 100),
    ADD CONSTRAINT policies_external_id_length CHECK (char_length(external_id) <= 100),
    ADD CONSTRAINT policies_archive_reason_length CHECK (char_length(archive_reason) <= 1000),
    ADD CONSTRAINT policies_title_length CHECK (char_length(title) <= 300),
    ADD CONSTRAINT policies_doc_number_length CHECK (char_length(doc_number) <= 100),
    ADD CONSTRAINT policies_issuer_length CHECK (char_length(issuer) <= 300),
    ADD CONSTRAINT policies_summary_length CHECK (char_length(summary) <= 2000),
    ADD CONSTRAINT policies_body_length CHECK (char_length(body) <= 50000),
    ADD CONSTRAINT policies_source_url_length CHECK (char_length(source_url) <= 2000);

ALTER TABLE companies
    ADD CONSTRAINT companies_slug_length CHECK (char_length(slug) <= 100),
    ADD CONSTRAINT companies_external_id_length CHECK (char_length(external_id) <= 100),
    ADD CONSTRAINT companies_archive_reason_length CHECK (char_length(archive_reason) <= 1000),
    ADD CONSTRAINT companies_name_length CHECK (char_length(name) <= 300),
    ADD CONSTRAINT companies_address_length CHECK (char_length(address) <= 500),
    ADD CONSTRAINT companies_website_length CHECK (char_length(website) <= 2000),
    ADD CONSTRAINT companies_phone_length CHECK (char_length(phone) <= 50),
    ADD CONSTRAINT companies_email_length CHECK (char_length(email) <= 254),
    ADD CONSTRAINT companies_description_length CHECK (char_length(description) <= 10000);

ALTER TABLE jobs
    ADD CONSTRAINT jobs_slug_length CHECK (char_length(slug) <= 100),
    ADD CONSTRAINT jobs_external_id_length CHECK (char_length(external_id) <= 100),
    ADD CONSTRAINT jobs_archive_reason_length CHECK (char_length(archive_reason) <= 1000),
    ADD CONSTRAINT jobs_title_length CHECK (char_length(title) <= 300),
    ADD CONSTRAINT jobs_work_address_length CHECK (char_length(work_address) <= 500),
    ADD CONSTRAINT jobs_requirements_length CHECK (char_length(requirements) <= 5000),
    ADD CONSTRAINT jobs_benefits_length CHECK (char_length(benefits) <= 5000),
    ADD CONSTRAINT jobs_description_length CHECK (char_length(description) <= 10000),
    ADD CONSTRAINT jobs_contact_length CHECK (char_length(contact) <= 500);

ALTER TABLE schools
    ADD CONSTRAINT schools_slug_length CHECK (char_length(slug) <= 100),
    ADD CONSTRAINT schools_external_id_length CHECK (char_length(external_id) <= 100),
    ADD CONSTRAINT schools_archive_reason_length CHECK (char_length(archive_reason) <= 1000),
    ADD CONSTRAINT schools_code_length CHECK (char_length(code) <= 50),
    ADD CONSTRAINT schools_name_length CHECK (char_length(name) <= 300),
    ADD CONSTRAINT schools_address_length CHECK (char_length(address) <= 500),
    ADD CONSTRAINT schools_website_length CHECK (char_length(website) <= 2000),
    ADD CONSTRAINT schools_phone_length CHECK (char_length(phone) <= 50),
    ADD CONSTRAINT schools_email_length CHECK (char_length(email) <= 254),
    ADD CONSTRAINT schools_description_length CHECK (char_length(description) <= 10000);

ALTER TABLE programs
    ADD CONSTRAINT programs_slug_length CHECK (char_length(slug) <= 100),
    ADD CONSTRAINT programs_external_id_length CHECK (char_length(external_id) <= 100),
    ADD CONSTRAINT programs_archive_reason_length CHECK (char_length(archive_reason) <= 1000),
    ADD CONSTRAINT programs_name_length CHECK (char_length(name) <= 300),
    ADD CONSTRAINT programs_intake_length CHECK (char_length(intake) <= 500),
    ADD CONSTRAINT programs_support_length CHECK (char_length(support) <= 2000),
    ADD CONSTRAINT programs_description_length CHECK (char_length(description) <= 10000);

ALTER TABLE projects
    ADD CONSTRAINT projects_slug_length CHECK (char_length(slug) <= 100),
    ADD CONSTRAINT projects_external_id_length CHECK (char_length(external_id) <= 100),
    ADD CONSTRAINT projects_archive_reason_length CHECK (char_length(archive_reason) <= 1000),
    ADD CONSTRAINT projects_title_length CHECK (char_length(title) <= 300),
    ADD CONSTRAINT projects_organization_length CHECK (char_length(organization) <= 300),
    ADD CONSTRAINT projects_field_length CHECK (char_length(field) <= 200),
    ADD CONSTRAINT projects_description_length CHECK (char_length(description) <= 10000),
    ADD CONSTRAINT projects_contact_length CHECK (char_length(contact) <= 500);

ALTER TABLE commitments
    ADD CONSTRAINT commitments_slug_length CHECK (char_length(slug) <= 100),
    ADD CONSTRAINT commitments_external_id_length CHECK (char_length(external_id) <= 100),
    ADD CONSTRAINT commitments_archive_reason_length CHECK (char_length(archive_reason) <= 1000),
    ADD CONSTRAINT commitments_title_length CHECK (char_length(title) <= 500),
    ADD CONSTRAINT commitments_description_length CHECK (char_length(description) <= 10000);

-- A commitment's dated lists: bounded in items (domain.MaxProgressUpdates,
-- domain.MaxReviews) and, as a whole, in size.
ALTER TABLE commitments
    ADD CONSTRAINT commitments_progress_updates_length CHECK (jsonb_array_length(progress_updates) <= 200 AND octet_length(progress_updates::text) <= 2000000),
    ADD CONSTRAINT commitments_reviews_length CHECK (jsonb_array_length(reviews) <= 50 AND octet_length(reviews::text) <= 2000000);

-- +goose Down
ALTER TABLE commitments DROP CONSTRAINT commitments_reviews_length;
ALTER TABLE commitments DROP CONSTRAINT commitments_progress_updates_length;
ALTER TABLE commitments DROP CONSTRAINT commitments_description_length;
ALTER TABLE commitments DROP CONSTRAINT commitments_title_length;
ALTER TABLE commitments DROP CONSTRAINT commitments_archive_reason_length;
ALTER TABLE commitments DROP CONSTRAINT commitments_external_id_length;
ALTER TABLE commitments DROP CONSTRAINT commitments_slug_length;
ALTER TABLE projects DROP CONSTRAINT projects_contact_length;
ALTER TABLE projects DROP CONSTRAINT projects_description_length;
ALTER TABLE projects DROP CONSTRAINT projects_field_length;
ALTER TABLE projects DROP CONSTRAINT projects_organization_length;
ALTER TABLE projects DROP CONSTRAINT projects_title_length;
ALTER TABLE projects DROP CONSTRAINT projects_archive_reason_length;
ALTER TABLE projects DROP CONSTRAINT projects_external_id_length;
ALTER TABLE projects DROP CONSTRAINT projects_slug_length;
ALTER TABLE programs DROP CONSTRAINT programs_description_length;
ALTER TABLE programs DROP CONSTRAINT programs_support_length;
ALTER TABLE programs DROP CONSTRAINT programs_intake_length;
ALTER TABLE programs DROP CONSTRAINT programs_name_length;
ALTER TABLE programs DROP CONSTRAINT programs_archive_reason_length;
ALTER TABLE programs DROP CONSTRAINT programs_external_id_length;
ALTER TABLE programs DROP CONSTRAINT programs_slug_length;
ALTER TABLE schools DROP CONSTRAINT schools_description_length;
ALTER TABLE schools DROP CONSTRAINT schools_email_length;
ALTER TABLE schools DROP CONSTRAINT schools_phone_length;
ALTER TABLE schools DROP CONSTRAINT schools_website_length;
ALTER TABLE schools DROP CONSTRAINT schools_address_length;
ALTER TABLE schools DROP CONSTRAINT schools_name_length;
ALTER TABLE schools DROP CONSTRAINT schools_code_length;
ALTER TABLE schools DROP CONSTRAINT schools_archive_reason_length;
ALTER TABLE schools DROP CONSTRAINT schools_external_id_length;
ALTER TABLE schools DROP CONSTRAINT schools_slug_length;
ALTER TABLE jobs DROP CONSTRAINT jobs_contact_length;
ALTER TABLE jobs DROP CONSTRAINT jobs_description_length;
ALTER TABLE jobs DROP CONSTRAINT jobs_benefits_length;
ALTER TABLE jobs DROP CONSTRAINT jobs_requirements_length;
ALTER TABLE jobs DROP CONSTRAINT jobs_work_address_length;
ALTER TABLE jobs DROP CONSTRAINT jobs_title_length;
ALTER TABLE jobs DROP CONSTRAINT jobs_archive_reason_length;
ALTER TABLE jobs DROP CONSTRAINT jobs_external_id_length;
ALTER TABLE jobs DROP CONSTRAINT jobs_slug_length;
ALTER TABLE companies DROP CONSTRAINT companies_description_length;
ALTER TABLE companies DROP CONSTRAINT companies_email_length;
ALTER TABLE companies DROP CONSTRAINT companies_phone_length;
ALTER TABLE companies DROP CONSTRAINT companies_website_length;
ALTER TABLE companies DROP CONSTRAINT companies_address_length;
ALTER TABLE companies DROP CONSTRAINT companies_name_length;
ALTER TABLE companies DROP CONSTRAINT companies_archive_reason_length;
ALTER TABLE companies DROP CONSTRAINT companies_external_id_length;
ALTER TABLE companies DROP CONSTRAINT companies_slug_length;
ALTER TABLE policies DROP CONSTRAINT policies_source_url_length;
ALTER TABLE policies DROP CONSTRAINT policies_body_length;
ALTER TABLE policies DROP CONSTRAINT policies_summary_length;
ALTER TABLE policies DROP CONSTRAINT policies_issuer_length;
ALTER TABLE policies DROP CONSTRAINT policies_doc_number_length;
ALTER TABLE policies DROP CONSTRAINT policies_title_length;
ALTER TABLE policies DROP CONSTRAINT policies_archive_reason_length;
ALTER TABLE policies DROP CONSTRAINT policies_external_id_length;
ALTER TABLE policies DROP CONSTRAINT policies_slug_length;
