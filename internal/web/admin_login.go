package web

import (
	"errors"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/auth"
	"hoptac/internal/store"
)

// The login form has no session yet, so its CSRF token belongs to a
// pre-session: a random id in a cookie whose hash the database keeps with
// the token. Only a token the server issued for that cookie passes.
const (
	preSessionTTL = time.Hour
	// Longest email (RFC 5321) and password a login form may carry.
	maxEmailLength    = 254
	maxPasswordLength = 1024
)

const (
	msgBadLogin    = "Email hoặc mật khẩu không đúng."
	msgLocked      = "Đăng nhập tạm thời bị khóa do nhập sai nhiều lần. Vui lòng thử lại sau 15 phút hoặc liên hệ quản trị viên."
	msgBusy        = "Hệ thống đang xử lý nhiều lượt đăng nhập. Vui lòng thử lại sau ít giây."
	msgFormExpired = "Phiên của trang đăng nhập đã hết hạn. Vui lòng đăng nhập lại."
	msgMissing     = "Vui lòng nhập email và mật khẩu."
	msgTooLong     = "Email hoặc mật khẩu quá dài."
)

func (s *server) loginForm(c *fiber.Ctx) error {
	return s.renderLogin(c, fiber.StatusOK, "", "")
}

func (s *server) renderLogin(c *fiber.Ctx, status int, email, problem string) error {
	csrf, err := s.preSession(c)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Status(status)
	return s.render(c, "admin/login", "Đăng nhập", "admin", fiber.Map{
		"LoginCSRF": csrf, "Email": email, "Problem": problem, "Next": safeNext(c.Query("next")),
	})
}

// preSession returns the CSRF token of the visitor's live pre-session, or
// starts a new one (and sets its cookie).
func (s *server) preSession(c *fiber.Ctx) (string, error) {
	ctx := c.UserContext()
	if id := c.Cookies(s.preSessionCookieName(c)); id != "" {
		csrf, err := s.store.PreSessionCSRF(ctx, id)
		if err == nil {
			return csrf, nil
		}
		if !errors.Is(err, store.ErrNotFound) {
			return "", err
		}
	}
	id, err := auth.NewToken()
	if err != nil {
		return "", err
	}
	csrf, err := auth.NewToken()
	if err != nil {
		return "", err
	}
	expires := time.Now().Add(preSessionTTL)
	if err := s.store.CreatePreSession(ctx, id, csrf, expires); err != nil {
		return "", err
	}
	c.Cookie(&fiber.Cookie{Name: s.preSessionCookieName(c), Value: id, Path: "/", Expires: expires,
		HTTPOnly: true, Secure: s.secure(c), SameSite: fiber.CookieSameSiteStrictMode})
	return csrf, nil
}

// login checks, in order of cost: the pre-session's CSRF token, the form,
// the throttle (a locked account or client costs no hash at all), then one
// password check within the hasher's memory budget — one argon2 run for an
// existing, disabled or unknown account alike.
func (s *server) login(c *fiber.Ctx) error {
	ctx := c.UserContext()
	preSession := c.Cookies(s.preSessionCookieName(c))
	var want string
	if preSession != "" {
		var err error
		if want, err = s.store.PreSessionCSRF(ctx, preSession); err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
	}
	if !auth.SameToken(csrfToken(c), want) {
		return s.renderLogin(c, fiber.StatusForbidden, "", msgFormExpired)
	}

	email := strings.ToLower(strings.TrimSpace(postValue(c, "email")))
	password := postValue(c, "password")
	switch {
	case email == "" || password == "":
		return s.renderLogin(c, fiber.StatusUnprocessableEntity, email, msgMissing)
	case len(email) > maxEmailLength || len(password) > maxPasswordLength:
		return s.renderLogin(c, fiber.StatusUnprocessableEntity, "", msgTooLong)
	}
	client := c.IP() // a forwarded address counts only from a trusted proxy
	byEmail, byClient, err := s.store.LoginFailures(ctx, email, client, time.Now().Add(-auth.ThrottleWindow))
	if err != nil {
		return err
	}
	if byEmail >= auth.MaxAccountFailures || byClient >= auth.MaxClientFailures {
		// The same answer whether or not the account exists.
		c.Set(fiber.HeaderRetryAfter, strconv.Itoa(int(auth.ThrottleWindow.Seconds())))
		return s.renderLogin(c, fiber.StatusTooManyRequests, email, msgLocked)
	}

	user, err := s.store.UserByEmail(ctx, email)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	// user is the zero User when there is no account: its empty hash is
	// checked against a dummy one, at the same cost.
	ok, err := s.hasher.Verify(ctx, password, user.PasswordHash)
	if errors.Is(err, auth.ErrBusy) {
		c.Set(fiber.HeaderRetryAfter, "2")
		return s.renderLogin(c, fiber.StatusServiceUnavailable, email, msgBusy)
	}
	if err != nil {
		return err
	}
	if !ok || user.ID == 0 || user.DisabledAt != nil {
		if err := s.store.RecordLoginFailure(ctx, email, client); err != nil {
			return err
		}
		s.log.Info("login failed", slog.String("client", client))
		return s.renderLogin(c, fiber.StatusUnauthorized, email, msgBadLogin)
	}
	if auth.NeedsRehash(user.PasswordHash) {
		s.upgradeHash(c, user, password)
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
	if err := s.store.CreateSignIn(ctx, store.SignIn{UserID: user.ID, Email: email, Token: token, CSRF: csrf,
		PreSession: preSession, Expires: expires}); err != nil {
		return err
	}
	s.setSessionCookie(c, token, expires)
	s.clearCookie(c, s.preSessionCookieName(c), fiber.CookieSameSiteStrictMode)
	return c.Redirect(safeNext(postValue(c, "next")), fiber.StatusSeeOther)
}

// upgradeHash stores a hash with today's parameters for an account whose
// hash was made with older ones. A failure costs only the upgrade: the
// next login tries again.
func (s *server) upgradeHash(c *fiber.Ctx, user store.User, password string) {
	hash, err := s.hasher.Hash(c.UserContext(), password)
	if err == nil {
		err = s.store.UpgradePasswordHash(c.UserContext(), user.ID, user.PasswordHash, hash)
	}
	if err != nil {
		s.log.Warn("password hash not upgraded", slog.Int64("user_id", user.ID), slog.String("error", err.Error()))
	}
}

func (s *server) logout(c *fiber.Ctx) error {
	if err := s.store.DeleteSession(c.UserContext(), c.Cookies(s.sessionCookieName(c))); err != nil {
		return err
	}
	s.clearSessionCookie(c)
	return c.Redirect("/admin/dang-nhap", fiber.StatusSeeOther)
}
