package store

import (
	"context"

	"hoptac/internal/domain"
)

// CompanyFilter selects companies. Zero values mean "any".
type CompanyFilter struct {
	Paging
	Status   string `db:"status"`
	Q        string `db:"q"`
	City     string `db:"city"`
	Ward     string `db:"ward"`
	Industry string `db:"industry"`
	// Hiring keeps only companies with open positions.
	Hiring bool `db:"hiring"`
	// Sort is "" (most open positions first, the program's "companies hiring
	// many workers") or "name".
	Sort string `db:"sort"`
}

type companyRow struct {
	domain.Company
	Total int `db:"total_count"`
}

// Open positions count the company's published jobs whose deadline has not
// passed, whatever the company's own status: the back office's preview of
// a draft company shows what publishing it would show.
const companyColumns = `c.id, c.slug, c.status, c.external_id, c.department_code, c.archive_reason,
	c.created_at, c.updated_at, c.published_at, c.version,
	c.tax_code, c.name, c.industry_version, c.industry_code, c.address, c.ward_code, c.city,
	c.employees, c.website, c.phone, c.email, c.description,
	COALESCE(w.name, '') AS ward_name,
	COALESCE(open.jobs, 0) AS open_jobs, COALESCE(open.positions, 0) AS open_positions`

const companyOpenJoin = `LEFT JOIN wards w ON w.code = c.ward_code
LEFT JOIN LATERAL (
	SELECT count(*) AS jobs, sum(j.positions) AS positions FROM jobs j
	 WHERE j.company_id = c.id AND j.status = 'published' AND job_is_open(j.deadline)
) open ON true`

// companiesListWhere and companiesListOrder are the list's filters and its order, read from companies
// (the back office, any status) or public_companies.
const companiesListWhere = ` c
` + companyOpenJoin + `
JOIN cities ci ON ci.code = c.city
WHERE c.status = :status
  AND (CAST(:updated_since AS timestamptz) IS NULL OR c.updated_at >= :updated_since)
  AND (:city = '' OR c.city = :city)
  AND (:ward = '' OR c.ward_code = :ward)
  AND (:industry = '' OR c.industry_code = :industry)
  AND (NOT :hiring OR COALESCE(open.positions, 0) > 0)
  AND (:q = '' OR NOT EXISTS (
        SELECT 1 FROM regexp_split_to_table(lower(unaccent(:q)), '\s+') AS t(word)
         WHERE t.word <> ''
           AND position(t.word IN lower(unaccent(concat_ws(' ', c.name, c.tax_code, c.description, c.address,
                 w.name, w.former_units, ci.name_vi)))) = 0))`

const companiesListOrder = `CASE WHEN :sort = 'name' THEN c.name END ASC,
         COALESCE(open.positions, 0) DESC, c.employees DESC NULLS LAST, c.name ASC, c.id ASC`

// Companies lists companies, by default those hiring most first.
func (s *Store) Companies(ctx context.Context, f CompanyFilter) (List[domain.Company], error) {
	return listOf(ctx, s, &f.Status, &f, &f.Paging, func(r companyRow) (domain.Company, int) { return r.Company, r.Total })
}

// Company returns one company whatever its status.
func (s *Store) Company(ctx context.Context, id int64) (domain.Company, error) {
	return ByID[domain.Company](ctx, s, id)
}

// CompanyByTaxCode finds a company by its natural key.
func (s *Store) CompanyByTaxCode(ctx context.Context, taxCode string) (domain.Company, error) {
	return readOne[domain.Company](ctx, s, `SELECT `+companyColumns+` FROM companies c `+companyOpenJoin+` WHERE c.tax_code = $1`, taxCode)
}

const companyInsertSQL = `INSERT INTO companies (slug, status, external_id, department_code, published_at,
	tax_code, name, industry_version, industry_code, address, ward_code, city, employees,
	website, phone, email, description)
VALUES (` + entryInsertValues + `,
	:tax_code, :name, :industry_version, :industry_code, :address, :ward_code, :city, :employees,
	:website, :phone, :email, :description)
` + entryInsertReturning

const companyUpdateSQL = `UPDATE companies SET slug = :slug, external_id = :external_id,
	tax_code = :tax_code, name = :name, industry_version = :industry_version, industry_code = :industry_code,
	address = :address, ward_code = :ward_code, city = :city, employees = :employees,
	website = :website, phone = :phone, email = :email, description = :description,
	` + entryUpdateTail

// Companies is the companies table.
const Companies Table = "companies"

func init() {
	addTable(entryTable{name: Companies,
		read: entryRead{alias: "c", columns: companyColumns, joins: companyOpenJoin,
			where: companiesListWhere, order: companiesListOrder},
		list: listCols("e.name", "e.tax_code")},
		entryOps[domain.Company]{
			insertSQL: companyInsertSQL, updateSQL: companyUpdateSQL,
			title: func(c *domain.Company) string { return c.Name },
			defaults: func(c *domain.Company, _ bool) {
				if c.IndustryVersion == "" {
					c.IndustryVersion = "VSIC2018"
				}
			},
		})
}

const companyTaxCodesByNameSQL = `SELECT tax_code FROM companies
WHERE lower(unaccent(btrim(name))) = lower(unaccent(btrim($1))) AND status <> 'archived'
ORDER BY tax_code LIMIT 10`

// CompanyTaxCodesByName finds the tax codes of the companies (archived
// ones aside) of a name, diacritics and case aside.
func (s *Store) CompanyTaxCodesByName(ctx context.Context, name string) ([]string, error) {
	var out []string
	return out, s.db.SelectContext(ctx, &out, companyTaxCodesByNameSQL, name)
}
