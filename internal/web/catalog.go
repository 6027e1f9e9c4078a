package web

import (
	"context"

	"hoptac/internal/domain"
	"hoptac/internal/store"
)

// Catalog holds the code tables read at start-up: they change only with a
// migration, so reading them once keeps every page to its own queries.
type Catalog struct {
	Cities      []domain.City
	Wards       []domain.Ward
	Industries  []domain.Classification
	Occupations []domain.Classification
	Departments []domain.Department

	cityByCode       map[string]domain.City
	wardByCode       map[string]domain.Ward
	industryByCode   map[string]domain.Classification
	occupationByCode map[string]domain.Classification
	departmentByCode map[string]domain.Department
}

// LoadCatalog reads the code tables.
func LoadCatalog(ctx context.Context, st *store.Store) (*Catalog, error) {
	var c Catalog
	var err error
	if c.Cities, err = st.Cities(ctx); err != nil {
		return nil, err
	}
	if c.Wards, err = st.Wards(ctx, ""); err != nil {
		return nil, err
	}
	if c.Industries, err = st.Industries(ctx, "VSIC2018"); err != nil {
		return nil, err
	}
	if c.Occupations, err = st.Occupations(ctx, "VSCO2020"); err != nil {
		return nil, err
	}
	if c.Departments, err = st.Departments(ctx); err != nil {
		return nil, err
	}
	c.cityByCode = make(map[string]domain.City, len(c.Cities))
	for _, x := range c.Cities {
		c.cityByCode[x.Code] = x
	}
	c.wardByCode = make(map[string]domain.Ward, len(c.Wards))
	for _, x := range c.Wards {
		c.wardByCode[x.Code] = x
	}
	c.industryByCode = make(map[string]domain.Classification, len(c.Industries))
	for _, x := range c.Industries {
		c.industryByCode[x.Code] = x
	}
	c.occupationByCode = make(map[string]domain.Classification, len(c.Occupations))
	for _, x := range c.Occupations {
		c.occupationByCode[x.Code] = x
	}
	c.departmentByCode = make(map[string]domain.Department, len(c.Departments))
	for _, x := range c.Departments {
		c.departmentByCode[x.Code] = x
	}
	return &c, nil
}

// CityName is the short Vietnamese name of a city; "both" reads as both.
func (c *Catalog) CityName(code string) string {
	if code == domain.Both {
		return "Cả hai thành phố"
	}
	if x, ok := c.cityByCode[code]; ok {
		return x.ShortVI
	}
	return code
}

// IsCity tells whether code is a city of the portal.
func (c *Catalog) IsCity(code string) bool {
	_, ok := c.cityByCode[code]
	return ok
}

// WardsOf lists the wards of one city.
func (c *Catalog) WardsOf(city string) []domain.Ward {
	var out []domain.Ward
	for _, w := range c.Wards {
		if w.CityCode == city {
			out = append(out, w)
		}
	}
	return out
}

// IsWard tells whether code is a ward of the portal's cities.
func (c *Catalog) IsWard(code string) bool {
	_, ok := c.wardByCode[code]
	return ok
}

// IndustryName is the Vietnamese name of a VSIC section.
func (c *Catalog) IndustryName(code string) string {
	if x, ok := c.industryByCode[code]; ok {
		return x.NameVI
	}
	return code
}

// IsIndustry tells whether code is a VSIC section.
func (c *Catalog) IsIndustry(code string) bool {
	_, ok := c.industryByCode[code]
	return ok
}

// OccupationName is the Vietnamese name of a VSCO major group.
func (c *Catalog) OccupationName(code string) string {
	if x, ok := c.occupationByCode[code]; ok {
		return x.NameVI
	}
	return code
}

// IsOccupation tells whether code is a VSCO major group.
func (c *Catalog) IsOccupation(code string) bool {
	_, ok := c.occupationByCode[code]
	return ok
}

// DepartmentName is the name of the publishing department.
func (c *Catalog) DepartmentName(code string) string {
	if x, ok := c.departmentByCode[code]; ok {
		return x.NameVI
	}
	return code
}
