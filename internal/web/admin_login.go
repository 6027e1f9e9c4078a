package web

import (
	"errors"
	"log/slog"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/auth"
	"hoptac/internal/store"
)

// The login form has no session yet, so its CSRF token is double-submitted:
// a random value in a cookie and the same in the form.
func (s *server) loginForm(c *fiber.Ctx) error {
	return s.renderLogin(c, fiber.StatusOK, "", "")
}

func (s *server) renderLogin(c *fiber.Ctx, status int, email, problem string) error {
	token, err := auth.NewToken()
	if err != nil {
		return err
	}
	c.Cookie(&fiber.Cookie{Name: loginCSRFCookie, Value: token, Path: "/admin", HTTPOnly: true,
		Secure: secure(c), SameSite: fiber.CookieSameSiteStrictMode, Expires: time.Now().Add(time.Hour)})
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Status(status)
	return s.render(c, "admin/login", "Đăng nhập", "admin", fiber.Map{
		"LoginCSRF": token, "Email": email, "Problem": problem, "Next": safeNext(c.Query("next")),
	})
}

const (
	msgBadLogin = "Email hoặc mật khẩu không đúng."
	msgLocked   = "Đăng nhập tạm thời bị khóa do nhập sai nhiều lần. Vui lòng thử lại sau 15 phút hoặc liên hệ quản trị viên."
)

func (s *server) login(c *fiber.Ctx) error {
	if !auth.SameToken(c.FormValue("_csrf"), c.Cookies(loginCSRFCookie)) {
		return fiber.NewError(fiber.StatusForbidden, "csrf")
	}
	ctx := c.UserContext()
	email := strings.ToLower(strings.TrimSpace(c.FormValue("email")))
	password := c.FormValue("password")
	client := c.IP() // a forwarded address counts only from a trusted proxy
	if email == "" || password == "" {
		return s.renderLogin(c, fiber.StatusUnprocessableEntity, email, "Vui lòng nhập email và mật khẩu.")
	}
	byEmail, byClient, err := s.store.LoginFailures(ctx, email, client, time.Now().Add(-auth.ThrottleWindow))
	if err != nil {
		return err
	}
	if byEmail >= auth.MaxAccountFailures || byClient >= auth.MaxClientFailures {
		// The same answer whether or not the account exists.
		auth.VerifyNothing(password)
		return s.renderLogin(c, fiber.StatusTooManyRequests, email, msgLocked)
	}
	user, err := s.store.UserByEmail(ctx, email)
	switch {
	case errors.Is(err, store.ErrNotFound):
		auth.VerifyNothing(password)
	case err != nil:
		return err
	}
	if err != nil || user.DisabledAt != nil || !auth.VerifyPassword(password, user.PasswordHash) {
		if err := s.store.RecordLoginFailure(ctx, email, client); err != nil {
			return err
		}
		s.log.Info("login failed", slog.String("client", client))
		return s.renderLogin(c, fiber.StatusUnauthorized, email, msgBadLogin)
	}
	token, err := auth.NewToken()
	if err != nil {
		return err
	}
	csrf, err := auth.NewToken()
	if err != nil {
		return err
	}
	expires := time.Now().Add(auth.AbsoluteTimeout)
	if err := s.store.CreateSession(ctx, user.ID, token, csrf, expires); err != nil {
		return err
	}
	if err := s.store.ClearLoginFailures(ctx, email); err != nil {
		return err
	}
	setSessionCookie(c, token, expires)
	c.ClearCookie(loginCSRFCookie)
	return c.Redirect(safeNext(c.FormValue("next")), fiber.StatusSeeOther)
}

func (s *server) logout(c *fiber.Ctx) error {
	if err := s.store.DeleteSession(c.UserContext(), c.Cookies(sessionCookieName(c))); err != nil {
		return err
	}
	clearSessionCookie(c)
	return c.Redirect("/admin/dang-nhap", fiber.StatusSeeOther)
}
