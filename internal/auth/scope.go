package auth

import "hoptac/internal/domain"

// Roles.
const (
	RoleAdmin  = "admin"  // every city, manages accounts
	RoleEditor = "editor" // one city
)

// Official is who is signed in, as the rules see them.
type Official struct {
	Role string
	City string // "" for admins
}

// CanEdit tells whether o may see drafts of, create, change, publish or
// archive entries of city. Entries of both cities are for admins only.
func (o Official) CanEdit(city string) bool {
	switch {
	case o.Role == RoleAdmin:
		return true
	case o.Role != RoleEditor || o.City == "":
		return false
	case city == domain.Both:
		return false
	default:
		return city == o.City
	}
}

// IsAdmin tells whether o manages every city and the accounts.
func (o Official) IsAdmin() bool { return o.Role == RoleAdmin }
