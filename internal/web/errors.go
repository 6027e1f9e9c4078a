package web

import (
	"errors"
	"log/slog"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/i18n"
	"hoptac/internal/store"
)

// englishError is an error page's words under /en. A user error's own
// message (written for the form or filter) is kept.
func englishError(code int, user, unavailable bool, vi struct{ title, text string }) struct{ title, text string } {
	key := "error." + strconv.Itoa(code)
	if !i18n.Has(i18n.EN, key+".title") {
		key = "error.500"
		if code < 500 {
			key = "error.400"
		}
	}
	if unavailable {
		key = "error.unavailable"
	}
	out := vi
	out.title = i18n.T(i18n.EN, key+".title")
	if !user {
		out.text = i18n.T(i18n.EN, key+".text")
	}
	return out
}

// errorMessages are what a visitor reads for each status.
var errorMessages = map[int]struct{ title, text string }{
	fiber.StatusBadRequest:            {"Yêu cầu không hợp lệ", "Địa chỉ hoặc dữ liệu gửi lên không hợp lệ. Vui lòng kiểm tra lại."},
	fiber.StatusForbidden:             {"Không có quyền truy cập", "Bạn không có quyền thực hiện thao tác này."},
	fiber.StatusNotFound:              {"Không tìm thấy trang", "Trang bạn tìm không tồn tại, đã được gỡ hoặc chưa được công bố."},
	fiber.StatusMethodNotAllowed:      {"Thao tác không được hỗ trợ", "Trang này không hỗ trợ thao tác bạn vừa thực hiện."},
	fiber.StatusRequestEntityTooLarge: {"Dữ liệu quá lớn", "Dữ liệu gửi lên vượt quá giới hạn cho phép."},
	fiber.StatusTooManyRequests:       {"Quá nhiều yêu cầu", "Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút."},
	fiber.StatusServiceUnavailable:    {"Hệ thống đang bận", "Hệ thống tạm thời không phục vụ được. Vui lòng thử lại sau ít phút."},
	fiber.StatusInternalServerError:   {"Đã có lỗi xảy ra", "Hệ thống gặp sự cố khi xử lý yêu cầu. Chúng tôi đã ghi nhận; vui lòng thử lại sau."},
}

// unavailableMessage is shown while the database cannot be reached; search
// still answers from Meilisearch meanwhile.
var unavailableMessage = struct{ title, text string }{
	"Hệ thống đang tạm gián đoạn",
	"Hệ thống đang tạm gián đoạn, chưa đọc được dữ liệu. Vui lòng thử lại sau ít phút; trong lúc này bạn vẫn có thể tìm kiếm.",
}

// retryAfterSeconds is what a 503 asks clients to wait before trying again.
const retryAfterSeconds = 10

// handleError is the one place where errors become responses: Vietnamese
// pages for people, JSON {"error": …} for /api.
func (s *server) handleError(c *fiber.Ctx, err error) error {
	var gone *goneError
	if errors.As(err, &gone) {
		if err = s.gonePage(c, gone); err == nil {
			return nil
		}
	}
	code := fiber.StatusInternalServerError
	var fe *fiber.Error
	var ce *store.ConstraintError
	var ue *userError
	switch {
	case errors.As(err, &ue):
		code = fiber.StatusBadRequest
	case errors.As(err, &fe):
		code = fe.Code
	case errors.Is(err, store.ErrNotFound):
		code = fiber.StatusNotFound
	case errors.Is(err, store.ErrUnavailable):
		code = fiber.StatusServiceUnavailable
	case errors.As(err, &ce):
		// Input the handler did not check and the database refused.
		code = fiber.StatusBadRequest
	}
	msg, ok := errorMessages[code]
	if !ok {
		msg = errorMessages[fiber.StatusInternalServerError]
		if code < 500 {
			msg = errorMessages[fiber.StatusBadRequest]
		}
	}
	switch {
	case ue != nil:
		msg.text = ue.msg
	case errors.Is(err, store.ErrUnavailable):
		msg = unavailableMessage
		s.log.Warn("database unavailable", slog.String("path", c.Path()), slog.String("error", err.Error()),
			slog.String("request_id", c.GetRespHeader(fiber.HeaderXRequestID)))
	case code >= 500:
		// The cause goes to the log with the request id; the person sees
		// only the polite message.
		s.log.Error("request failed", slog.String("path", c.Path()), slog.String("error", err.Error()),
			slog.String("request_id", c.GetRespHeader(fiber.HeaderXRequestID)))
	}
	if langOf(c) == i18n.EN {
		msg = englishError(code, ue != nil, errors.Is(err, store.ErrUnavailable), msg)
	}
	if code == fiber.StatusServiceUnavailable && len(c.Response().Header.Peek(fiber.HeaderRetryAfter)) == 0 {
		c.Set(fiber.HeaderRetryAfter, strconv.Itoa(retryAfterSeconds))
	}
	c.Status(code)
	if strings.HasPrefix(c.Path(), "/api/") {
		return c.JSON(fiber.Map{"error": msg.text})
	}
	// An error page shows no entry's history: it is not the entry's page,
	// and the database may be the thing that failed.
	c.Locals(localsEntry, nil)
	data := fiber.Map{"Code": code, "Message": msg.text}
	if rerr := s.render(c, "errors/error", msg.title, "", data); rerr != nil {
		// The error page itself failed: answer in plain text rather than not at all.
		s.log.Error("render error page", slog.String("error", rerr.Error()))
		c.Type("txt", "utf-8")
		return c.Status(code).SendString(msg.title + ". " + msg.text)
	}
	return nil
}
