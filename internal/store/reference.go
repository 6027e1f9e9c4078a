package store

import (
	"context"

	"hoptac/internal/domain"
)

// Cities lists the cities in their display order.
func (s *Store) Cities(ctx context.Context) ([]domain.City, error) {
	var out []domain.City
	err := s.db.SelectContext(ctx, &out, `SELECT code, province_code, name_vi, name_en, short_vi FROM cities ORDER BY sort_order, code`)
	return out, err
}

// Wards lists the wards and communes of a city (all cities if city is "").
func (s *Store) Wards(ctx context.Context, city string) ([]domain.Ward, error) {
	var out []domain.Ward
	err := s.db.SelectContext(ctx, &out, `SELECT code, city_code, name, kind, former_units FROM wards
		WHERE ($1 = '' OR city_code = $1) ORDER BY city_code, name COLLATE "C", code`, city)
	return out, err
}

// Departments lists the publishing departments, current ones first.
func (s *Store) Departments(ctx context.Context) ([]domain.Department, error) {
	var out []domain.Department
	err := s.db.SelectContext(ctx, &out, `SELECT code, city_code, name_vi, name_en, short_vi, valid_from, valid_to, successor
		FROM departments ORDER BY city_code, valid_to DESC NULLS FIRST, code`)
	return out, err
}

// Industries lists the VSIC sections of a version.
func (s *Store) Industries(ctx context.Context, version string) ([]domain.Classification, error) {
	var out []domain.Classification
	err := s.db.SelectContext(ctx, &out, `SELECT version, code, name_vi, name_en FROM vsic_sections WHERE version = $1 ORDER BY code`, version)
	return out, err
}

// Occupations lists the VSCO major groups of a version.
func (s *Store) Occupations(ctx context.Context, version string) ([]domain.Classification, error) {
	var out []domain.Classification
	err := s.db.SelectContext(ctx, &out, `SELECT version, code, name_vi, name_en FROM vsco_groups WHERE version = $1
		ORDER BY CASE WHEN code = '0' THEN 10 ELSE code::int END`, version)
	return out, err
}
