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

// Cookie names. Over TLS the cookies carry the __Host- prefix, so the
// browser refuses them unless Secure, host-only and for path /.
const (
	sessionCookie        = "hoptac_session"
	hostSessionCookie    = "__Host-hoptac_session"
	preSessionCookie     = "hoptac_login"
	hostPreSessionCookie = "__Host-hoptac_login"
)

// localsSession is where requireOfficial leaves the signed-in session.
const localsSession = "session"

// secure tells whether the visitor came over TLS: PUBLIC_URL says so, or
// a trusted proxy does (X-Forwarded-Proto; c.Protocol ignores it from
// anyone else).
func (s *server) secure(c *fiber.Ctx) bool { return s.httpsAlways || c.Protocol() == "https" }

func (s *server) sessionCookieName(c *fiber.Ctx) string {
	if s.secure(c) {
		return hostSessionCookie
	}
	return sessionCookie
}

func (s *server) preSessionCookieName(c *fiber.Ctx) string {
	if s.secure(c) {
		return hostPreSessionCookie
	}
	return preSessionCookie
}

func (s *server) setSessionCookie(c *fiber.Ctx, token string, expires time.Time) {
	c.Cookie(&fiber.Cookie{
		Name: s.sessionCookieName(c), Value: token, Path: "/", Expires: expires,
		HTTPOnly: true, Secure: s.secure(c), SameSite: fiber.CookieSameSiteLaxMode,
	})
}

func (s *server) clearSessionCookie(c *fiber.Ctx) {
	s.clearCookie(c, s.sessionCookieName(c), fiber.CookieSameSiteLaxMode)
}

func (s *server) clearCookie(c *fiber.Ctx, name, sameSite string) {
	c.Cookie(&fiber.Cookie{
		Name: name, Value: "", Path: "/", Expires: time.Unix(0, 0), MaxAge: -1,
		HTTPOnly: true, Secure: s.secure(c), SameSite: sameSite,
	})
}

// csrfToken is the CSRF token a request carries: the X-CSRF-Token header,
// else the _csrf field of the form body — never the query string, which
// ends up in logs and Referer headers.
func csrfToken(c *fiber.Ctx) string {
	if h := c.Get("X-CSRF-Token"); h != "" {
		return h
	}
	return postValue(c, "_csrf")
}

// postValue is a field of the request body (URL-encoded or multipart),
// never of the query string, unlike c.FormValue.
func postValue(c *fiber.Ctx, name string) string {
	if strings.HasPrefix(strings.ToLower(c.Get(fiber.HeaderContentType)), fiber.MIMEMultipartForm) {
		form, err := c.MultipartForm()
		if err != nil || len(form.Value[name]) == 0 {
			return ""
		}
		return form.Value[name][0]
	}
	return string(c.Request().PostArgs().Peek(name))
}

// noStore keeps every back-office page out of caches.
func noStore(c *fiber.Ctx) error {
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Next()
}

// requireOfficial lets signed-in officials through and sends anyone else to
// the login page, coming back here afterwards.
func (s *server) requireOfficial(c *fiber.Ctx) error {
	token := c.Cookies(s.sessionCookieName(c))
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
		s.clearSessionCookie(c)
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
	if !ok || !auth.SameToken(csrfToken(c), sess.CSRFToken) {
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
	if token := c.Cookies(s.sessionCookieName(c)); token != "" {
		// The message the last action left; a failure to read it costs
		// the message only.
		if f, err := s.store.TakeFlash(c.UserContext(), token); err == nil && f.Text != "" {
			data["Flash"] = f
		}
	}
	data["User"] = sess.User
	data["Official"] = official(c)
	data["CSRF"] = sess.CSRFToken
	return s.render(c, name, title, "admin", data)
}

// redirectWith goes to a page that will show msg once ("ok" or "error"),
// kept in the session: never in the URL.
func (s *server) redirectWith(c *fiber.Ctx, to, kind, msg string) error {
	if token := c.Cookies(s.sessionCookieName(c)); token != "" {
		if err := s.store.SetFlash(c.UserContext(), token, store.Flash{Kind: kind, Text: msg}); err != nil {
			return err
		}
	}
	return c.Redirect(to, fiber.StatusSeeOther)
}

// safeNext keeps a post-login redirect inside the back office.
func safeNext(next string) string {
	if strings.HasPrefix(next, "/admin") && !strings.HasPrefix(next, "//") && !strings.Contains(next, "\\") {
		return next
	}
	return "/admin"
}
