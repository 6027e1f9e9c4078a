package web

import (
	"errors"
	"net/url"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/auth"
	"hoptac/internal/store"
)

// Cookie names. Over TLS the session cookie carries the __Host- prefix, so
// the browser refuses it unless Secure, host-only and for path /.
const (
	sessionCookie     = "hoptac_session"
	hostSessionCookie = "__Host-hoptac_session"
	loginCSRFCookie   = "hoptac_login_csrf"
)

// localsSession is where requireOfficial leaves the signed-in session.
const localsSession = "session"

func secure(c *fiber.Ctx) bool { return c.Protocol() == "https" }

func sessionCookieName(c *fiber.Ctx) string {
	if secure(c) {
		return hostSessionCookie
	}
	return sessionCookie
}

func setSessionCookie(c *fiber.Ctx, token string, expires time.Time) {
	c.Cookie(&fiber.Cookie{
		Name: sessionCookieName(c), Value: token, Path: "/", Expires: expires,
		HTTPOnly: true, Secure: secure(c), SameSite: fiber.CookieSameSiteLaxMode,
	})
}

func clearSessionCookie(c *fiber.Ctx) {
	c.Cookie(&fiber.Cookie{
		Name: sessionCookieName(c), Value: "", Path: "/", Expires: time.Unix(0, 0), MaxAge: -1,
		HTTPOnly: true, Secure: secure(c), SameSite: fiber.CookieSameSiteLaxMode,
	})
}

// noStore keeps every back-office page out of caches.
func noStore(c *fiber.Ctx) error {
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Next()
}

// requireOfficial lets signed-in officials through and sends anyone else to
// the login page, coming back here afterwards.
func (s *server) requireOfficial(c *fiber.Ctx) error {
	token := c.Cookies(sessionCookieName(c))
	if token != "" {
		sess, err := s.store.SessionByToken(c.UserContext(), token, auth.IdleTimeout)
		switch {
		case err == nil:
			c.Locals(localsSession, sess)
			// Every write from here on is audited as this official.
			actor := store.Actor{UserID: sess.User.ID}
			if sess.User.DepartmentCode != nil {
				actor.DepartmentCode = *sess.User.DepartmentCode
			}
			c.SetUserContext(store.WithActor(c.UserContext(), actor))
			return c.Next()
		case !errors.Is(err, store.ErrNotFound):
			return err
		}
		clearSessionCookie(c)
	}
	next := c.OriginalURL()
	if c.Method() != fiber.MethodGet {
		next = "/admin" // a form post cannot be replayed after login
	}
	return c.Redirect("/admin/dang-nhap?next="+url.QueryEscape(next), fiber.StatusSeeOther)
}

// checkCSRF refuses a state-changing request whose form token is not the
// session's. It needs no JavaScript: every form carries the token in a
// hidden field.
func (s *server) checkCSRF(c *fiber.Ctx) error {
	if c.Method() == fiber.MethodGet || c.Method() == fiber.MethodHead {
		return c.Next()
	}
	sess, ok := c.Locals(localsSession).(store.Session)
	if !ok || !auth.SameToken(c.FormValue("_csrf"), sess.CSRFToken) {
		return fiber.NewError(fiber.StatusForbidden, "csrf")
	}
	return c.Next()
}

func sessionOf(c *fiber.Ctx) store.Session {
	sess, _ := c.Locals(localsSession).(store.Session)
	return sess
}

// official is the signed-in user as the access rules see them.
func official(c *fiber.Ctx) auth.Official {
	u := sessionOf(c).User
	o := auth.Official{Role: u.Role}
	if u.City != nil {
		o.City = *u.City
	}
	return o
}

// renderAdmin draws a back-office page with the session's data.
func (s *server) renderAdmin(c *fiber.Ctx, name, title string, data fiber.Map) error {
	if data == nil {
		data = fiber.Map{}
	}
	sess := sessionOf(c)
	data["User"] = sess.User
	data["Official"] = official(c)
	data["CSRF"] = sess.CSRFToken
	return s.render(c, name, title, "admin", data)
}

// safeNext keeps a post-login redirect inside the back office.
func safeNext(next string) string {
	if strings.HasPrefix(next, "/admin") && !strings.HasPrefix(next, "//") && !strings.Contains(next, "\\") {
		return next
	}
	return "/admin"
}
