package web

import (
	"errors"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/auth"
	"hoptac/internal/domain"
	"hoptac/internal/store"
)

// Accounts are managed by admins in the back office: list, add (with a
// temporary password shown once, to be changed at first sign-in),
// disable, enable, and change of role, city and department. The store
// refuses to leave the portal without an active admin and audits every
// change.

const (
	accountsPath = "/admin/tai-khoan"
	passwordPath = "/admin/doi-mat-khau"
)

func requireAdmin(c *fiber.Ctx) error {
	if !official(c).IsAdmin() {
		return fiber.NewError(fiber.StatusForbidden)
	}
	return c.Next()
}

// mustChangePassword sends an official with a temporary password to the
// page that replaces it, whatever they asked for.
func mustChangePassword(c *fiber.Ctx) error {
	if sessionOf(c).User.MustChangePassword && c.Path() != passwordPath && c.Path() != "/admin/dang-xuat" {
		return c.Redirect(passwordPath, fiber.StatusSeeOther)
	}
	return c.Next()
}

func (s *server) accountsPage(c *fiber.Ctx, status int, data fiber.Map) error {
	users, err := s.store.Users(c.UserContext())
	if err != nil {
		return err
	}
	if data == nil {
		data = fiber.Map{}
	}
	data["Accounts"] = users
	var depts domain.Options
	for _, d := range s.catalog.Departments {
		depts = append(depts, domain.Option{Code: d.Code, Label: d.NameVI})
	}
	data["Departments"] = depts
	data["Roles"] = domain.Options{{Code: auth.RoleEditor, Label: "Biên tập viên (một thành phố)"}, {Code: auth.RoleAdmin, Label: "Quản trị viên (cả hai thành phố)"}}
	c.Status(status)
	return s.renderAdmin(c, "admin/accounts", "Tài khoản cán bộ", data)
}

func (s *server) adminAccounts(c *fiber.Ctx) error { return s.accountsPage(c, fiber.StatusOK, nil) }

// accountFields reads role, city and department from a form; an editor
// needs a city, and a department of that city.
func (s *server) accountFields(c *fiber.Ctx) (store.AccountEdit, map[string]string) {
	errs := map[string]string{}
	e := store.AccountEdit{Role: c.FormValue("role")}
	if e.Role != auth.RoleAdmin && e.Role != auth.RoleEditor {
		errs["role"] = "Vui lòng chọn vai trò."
	}
	if city := c.FormValue("city"); city != "" {
		if !s.catalog.IsCity(city) {
			errs["city"] = "Vui lòng chọn thành phố."
		} else {
			e.City = &city
		}
	}
	if e.Role == auth.RoleEditor && e.City == nil {
		errs["city"] = "Biên tập viên cần một thành phố."
	}
	if dept := c.FormValue("department"); dept != "" {
		d, ok := s.catalog.Department(dept)
		switch {
		case !ok:
			errs["department"] = "Vui lòng chọn cơ quan."
		case e.City != nil && d.CityCode != *e.City:
			errs["department"] = "Cơ quan phải thuộc thành phố đã chọn."
		default:
			e.DepartmentCode = &dept
		}
	}
	if e.Role == auth.RoleAdmin {
		e.City = nil // an admin works for both cities
	}
	return e, errs
}

func (s *server) adminAccountCreate(c *fiber.Ctx) error {
	e, errs := s.accountFields(c)
	email := strings.ToLower(strings.TrimSpace(c.FormValue("email")))
	name := strings.TrimSpace(c.FormValue("name"))
	if !strings.Contains(email, "@") || len(email) > 254 {
		errs["email"] = "Vui lòng nhập email công vụ của cán bộ."
	}
	if name == "" || len(name) > 200 {
		errs["name"] = "Vui lòng nhập họ tên."
	}
	form := fiber.Map{"Email": email, "Name": name, "Role": e.Role, "City": c.FormValue("city"), "Department": c.FormValue("department")}
	if len(errs) > 0 {
		return s.accountsPage(c, fiber.StatusUnprocessableEntity, fiber.Map{"Errors": errs, "Form": form})
	}
	temp, err := auth.NewToken()
	if err != nil {
		return err
	}
	temp = temp[:16] // shown once; the official replaces it at first sign-in
	hash, err := s.hasher.Hash(c.UserContext(), temp)
	if err != nil {
		return err
	}
	u := store.User{Email: email, Name: name, Role: e.Role, City: e.City, DepartmentCode: e.DepartmentCode, PasswordHash: hash}
	if err := s.store.CreateAccount(c.UserContext(), sessionOf(c).User.ID, &u); err != nil {
		var ce *store.ConstraintError
		if errors.As(err, &ce) {
			return s.accountsPage(c, fiber.StatusUnprocessableEntity, fiber.Map{"Errors": map[string]string{"email": "Email này đã có tài khoản."}, "Form": form})
		}
		return err
	}
	return s.accountsPage(c, fiber.StatusOK, fiber.Map{"Created": u, "Temporary": temp})
}

func (s *server) accountID(c *fiber.Ctx) (int64, error) {
	id, err := strconv.ParseInt(c.Params("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, fiber.ErrNotFound
	}
	return id, nil
}

func (s *server) accountResult(c *fiber.Ctx, err error, done string) error {
	switch {
	case errors.Is(err, store.ErrLastAdmin):
		return s.redirectWith(c, accountsPath, "error", "Không thể khóa hoặc hạ quyền quản trị viên cuối cùng: hãy thêm một quản trị viên khác trước.")
	case errors.Is(err, store.ErrNotFound):
		return fiber.ErrNotFound
	case err != nil:
		var ce *store.ConstraintError
		if errors.As(err, &ce) {
			return s.redirectWith(c, accountsPath, "error", "Không lưu được: thành phố hoặc cơ quan không hợp lệ.")
		}
		return err
	}
	return s.redirectWith(c, accountsPath, "ok", done)
}

func (s *server) adminAccountUpdate(c *fiber.Ctx) error {
	id, err := s.accountID(c)
	if err != nil {
		return err
	}
	e, errs := s.accountFields(c)
	if len(errs) > 0 {
		for _, msg := range errs {
			return s.redirectWith(c, accountsPath, "error", msg)
		}
	}
	return s.accountResult(c, s.store.EditAccount(c.UserContext(), sessionOf(c).User.ID, id, e), "Đã lưu thay đổi của tài khoản.")
}

func (s *server) adminAccountDisable(disabled bool) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id, err := s.accountID(c)
		if err != nil {
			return err
		}
		done := "Đã mở lại tài khoản."
		if disabled {
			done = "Đã khóa tài khoản; các phiên đăng nhập của tài khoản đã kết thúc."
		}
		return s.accountResult(c, s.store.SetAccountDisabled(c.UserContext(), sessionOf(c).User.ID, id, disabled), done)
	}
}

func (s *server) passwordForm(c *fiber.Ctx) error {
	return s.renderAdmin(c, "admin/password", "Đổi mật khẩu", nil)
}

func (s *server) passwordChange(c *fiber.Ctx) error {
	user := sessionOf(c).User
	pw := c.FormValue("password")
	problem := ""
	if err := auth.CheckPassword(pw, user.Email); err != nil {
		problem = err.Error() // the auth package's messages are Vietnamese
	} else if pw != c.FormValue("confirm") {
		problem = "Hai lần nhập mật khẩu không khớp."
	}
	if problem != "" {
		c.Status(fiber.StatusUnprocessableEntity)
		return s.renderAdmin(c, "admin/password", "Đổi mật khẩu", fiber.Map{"Problem": problem})
	}
	hash, err := s.hasher.Hash(c.UserContext(), pw)
	if err != nil {
		return err
	}
	if err := s.store.SetPassword(c.UserContext(), user.ID, hash); err != nil {
		return err
	}
	return s.redirectWith(c, "/admin", "ok", "Đã đổi mật khẩu.")
}
