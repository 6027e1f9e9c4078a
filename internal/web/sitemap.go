package web

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoptac/internal/domain"
	"hoptac/internal/kind"
)

// The sitemap index lists one sitemap of the portal's list pages and, per
// kind, as many sitemaps of its public entries as 50,000 URLs a piece need
// (sitemaps.org). An entry leaves them the moment it stops being public:
// they read the public_* views.

const sitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"

// sitemapXML is a sitemap index (Sitemaps) or a set of URLs (URLs).
type sitemapXML struct {
	XMLName  xml.Name
	NS       string       `xml:"xmlns,attr"`
	Sitemaps []sitemapLoc `xml:"sitemap"`
	URLs     []sitemapLoc `xml:"url"`
}

// sitemapLoc is one sitemap of an index or one URL of a set.
type sitemapLoc struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

func urlSet(urls []sitemapLoc) sitemapXML {
	return sitemapXML{XMLName: xml.Name{Local: "urlset"}, NS: sitemapNS, URLs: urls}
}

// pagesSitemap is the sitemap of the home page and the lists.
const pagesSitemap = "trang.xml"

func lastMod(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func (s *server) sitemapIndex(c *fiber.Ctx) error {
	base := s.baseURL(c)
	idx := sitemapXML{XMLName: xml.Name{Local: "sitemapindex"}, NS: sitemapNS, Sitemaps: []sitemapLoc{{Loc: base + "/sitemaps/" + pagesSitemap}}}
	for _, k := range kind.All {
		ext, err := s.store.PublicExtent(c.UserContext(), k.Table())
		if err != nil {
			return err
		}
		var mod string
		if ext.UpdatedAt != nil {
			mod = lastMod(*ext.UpdatedAt)
		}
		for n := 1; (n-1)*sitemapURLs < ext.Count; n++ {
			idx.Sitemaps = append(idx.Sitemaps, sitemapLoc{Loc: base + "/sitemaps/" + k.Type().Plural + "-" + strconv.Itoa(n) + ".xml", LastMod: mod})
		}
	}
	return sendXML(c, idx)
}

// sitemap is /sitemaps/{plural}-{n}.xml, the nth 50,000 of a kind's
// public entries in id order, or /sitemaps/trang.xml.
func (s *server) sitemap(c *fiber.Ctx) error {
	base := s.baseURL(c)
	file := c.Params("file")
	if file == pagesSitemap {
		urls := []sitemapLoc{{Loc: base + "/"}, {Loc: base + "/tim-kiem"}}
		for _, t := range domain.EntryTypes {
			urls = append(urls, sitemapLoc{Loc: base + t.Path})
		}
		return sendXML(c, urlSet(urls))
	}
	name, ok := strings.CutSuffix(file, ".xml")
	i := strings.LastIndexByte(name, '-')
	if !ok || i < 0 {
		return fiber.ErrNotFound
	}
	k, ok := kind.ByPlural(name[:i])
	n, err := strconv.Atoi(name[i+1:])
	if !ok || err != nil || n < 1 || n > 1000 {
		return fiber.ErrNotFound
	}
	entries, err := s.store.PublicSitemap(c.UserContext(), k.Table(), (n-1)*sitemapURLs, sitemapURLs)
	if err != nil {
		return err
	}
	if len(entries) == 0 && n > 1 {
		return fiber.ErrNotFound
	}
	urls := make([]sitemapLoc, len(entries))
	typ := k.Type().Name
	for i, e := range entries {
		urls[i] = sitemapLoc{Loc: base + domain.EntryPath(typ, e.ID, e.Slug), LastMod: lastMod(e.UpdatedAt)}
	}
	return sendXML(c, urlSet(urls))
}

func sendXML(c *fiber.Ctx, v any) error {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	if err := xml.NewEncoder(&b).Encode(v); err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "application/xml; charset=utf-8")
	return c.Send(b.Bytes())
}
