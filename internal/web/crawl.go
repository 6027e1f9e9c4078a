package web

import (
	"encoding/xml"
	"errors"
	"io/fs"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gorilla/feeds"

	"hoptac/internal/i18n"
	"hoptac/internal/kind"
	"hoptac/internal/search"
)

// What crawlers and feed readers read: Atom feeds of each kind and of any
// search, the sitemaps, robots.txt and the favicon. Every kind's is
// written once over the registry.

// feedEntries bounds a per-type feed; a search feed has one page of hits.
const feedEntries = 50

// sitemapURLs is the most URLs one sitemap may list (sitemaps.org).
const sitemapURLs = 50000

// searchFeedPath is the feed twin of /tim-kiem: the same parameters.
const searchFeedPath = "/feeds/tim-kiem.atom"

func (s *server) crawlRoutes(app *fiber.App, static fs.FS) {
	app.Get("/robots.txt", s.robots)
	app.Get("/sitemap.xml", s.sitemapIndex)
	app.Get("/sitemaps/:file", s.sitemap)
	app.Get("/feeds/:file", s.feed)
	favicon, _ := fs.ReadFile(static, "img/favicon.ico")
	app.Get("/favicon.ico", func(c *fiber.Ctx) error {
		if favicon == nil {
			return fiber.ErrNotFound
		}
		c.Set(fiber.HeaderContentType, "image/x-icon")
		c.Set(fiber.HeaderCacheControl, "public, max-age=86400")
		return c.Send(favicon)
	})
}

func (s *server) robots(c *fiber.Ctx) error {
	c.Type("txt", "utf-8")
	return c.SendString("User-agent: *\nDisallow: /admin\nDisallow: /quan-tri\n\nSitemap: " + s.baseURL(c) + "/sitemap.xml\n")
}

// feedLink is a feed the layout names with <link rel="alternate">.
type feedLink struct {
	Title string
	URL   string
}

// pageFeeds are the feeds a page offers: its kind's newest entries on a
// list, the same search on /tim-kiem.
func (s *server) pageFeeds(c *fiber.Ctx, nav string) []feedLink {
	l := s.loc(c)
	if nav == "search" && pathIn(i18n.VI, c.Path()) == searchPaths.vi {
		return []feedLink{{Title: l.T("search.follow"), URL: searchFeedURL(c)}}
	}
	if k, ok := kind.ByName(nav); ok {
		t := k.Type()
		menu := t.MenuVI
		if l.EN() {
			menu = l.T("menu." + t.Name)
		}
		links := []feedLink{{Title: l.T("feed.newest", "Menu", menu), URL: "/feeds/" + t.Plural + ".atom"}}
		if more := s.pages[t.Name].feeds; more != nil {
			links = append(links, more(l)...)
		}
		return links
	}
	return nil
}

// searchFeedURL is the feed twin of the search being shown: its
// parameters, from the first page.
func searchFeedURL(c *fiber.Ctx) string {
	v := queryValues(c)
	v.Del("page")
	v.Del("partial")
	if enc := v.Encode(); enc != "" {
		return searchFeedPath + "?" + enc
	}
	return searchFeedPath
}

// feedItem is one entry of a feed before it is written as Atom.
type feedItem struct {
	title, path, summary string
	published, updated   time.Time
}

func cardItem(card kind.Card) feedItem {
	it := feedItem{title: card.Title, path: card.Path, summary: card.Summary, updated: card.Meta.UpdatedAt}
	it.published = it.updated
	if card.Meta.PublishedAt != nil {
		it.published = *card.Meta.PublishedAt
	}
	return it
}

func (s *server) feed(c *fiber.Ctx) error {
	name, ok := strings.CutSuffix(c.Params("file"), ".atom")
	if !ok {
		return fiber.ErrNotFound
	}
	switch name {
	case "tim-kiem":
		return s.searchFeed(c)
	case "hop-tac": // the ledger's timeline (ledger.go)
		return s.cooperationFeed(c)
	}
	k, ok := kind.ByPlural(name)
	if !ok {
		return fiber.ErrNotFound
	}
	ctx := c.UserContext()
	ids, err := s.store.PublicNewest(ctx, k.Table(), feedEntries)
	if err != nil {
		return err
	}
	cards, err := k.Cards(ctx, s.store, ids)
	if err != nil {
		return err
	}
	list := make([]feedItem, len(cards))
	for i, card := range cards {
		list[i] = cardItem(card)
	}
	t := k.Type()
	return s.sendFeed(c, t.MenuVI+" mới nhất · Hợp tác Lao động", t.Path, list)
}

// searchFeed answers the same search as /tim-kiem with the same
// parameters; each hit's summary and dates come from its entry.
func (s *server) searchFeed(c *fiber.Ctx) error {
	p := newParams(c)
	q := s.searchQuery(c, p) // a dropped parameter is dropped from the page too
	q.Page = 1
	res, err := s.search.Search(c.UserContext(), q)
	if errors.Is(err, search.ErrBadQuery) {
		return &userError{msg: "Tham số tìm kiếm không hợp lệ."}
	}
	if err != nil {
		return err
	}
	cards, err := s.hitCards(c, res.Hits)
	if err != nil {
		return err
	}
	list := make([]feedItem, 0, len(res.Hits))
	for _, h := range res.Hits {
		it := feedItem{title: h.Title, path: h.URL, summary: h.Subtitle}
		if card, ok := cards[h.Type+"/"+strconv.FormatInt(h.ID, 10)]; ok {
			it = cardItem(card)
		}
		list = append(list, it)
	}
	title := "Tìm kiếm"
	if q.Q != "" {
		title += ": " + q.Q
	}
	page := "/tim-kiem"
	if i := strings.IndexByte(searchFeedURL(c), '?'); i >= 0 {
		page += searchFeedURL(c)[i:]
	}
	return s.sendFeed(c, title+" · Hợp tác Lao động", page, list)
}

// hitCards reads the entries of search hits, one query per kind, by
// "type/id".
func (s *server) hitCards(c *fiber.Ctx, hits []search.Hit) (map[string]kind.Card, error) {
	ids := map[string][]int64{}
	for _, h := range hits {
		ids[h.Type] = append(ids[h.Type], h.ID)
	}
	out := make(map[string]kind.Card, len(hits))
	for _, k := range kind.All {
		name := k.Type().Name
		if len(ids[name]) == 0 {
			continue
		}
		cards, err := k.Cards(c.UserContext(), s.store, ids[name])
		if err != nil {
			return nil, err
		}
		for _, card := range cards {
			out[name+"/"+strconv.FormatInt(card.Meta.ID, 10)] = card
		}
	}
	return out, nil
}

// sendFeed writes an Atom 1.0 feed (gorilla/feeds): absolute links from
// the public base URL, plain-text summaries, the portal as author.
func (s *server) sendFeed(c *fiber.Ctx, title, page string, list []feedItem) error {
	base := s.baseURL(c)
	f := &feeds.Feed{Title: title, Link: &feeds.Link{Href: base + page}, Author: &feeds.Author{Name: "Hợp tác Lao động"}}
	for _, it := range list {
		f.Items = append(f.Items, &feeds.Item{Title: it.title, Link: &feeds.Link{Href: base + it.path}, Id: base + it.path,
			Description: it.summary, Created: it.published, Updated: it.updated})
		if it.updated.After(f.Updated) {
			f.Updated = it.updated
		}
	}
	if f.Updated.IsZero() {
		f.Updated = time.Unix(0, 0) // an empty feed has not changed
	}
	atom := (&feeds.Atom{Feed: f}).AtomFeed()
	self := base + c.OriginalURL()
	atom.Id, atom.Link = self, nil // the links are atomFeed's
	for _, e := range atom.Entries {
		if e.Summary != nil {
			e.Summary.Type = "text" // summaries are plain text, not HTML
		}
	}
	// Marshalled here, not by feeds.ToXML, which would write the library's
	// feed with its one link.
	out, err := xml.MarshalIndent(atomFeed{XMLName: xml.Name{Local: "feed"}, AtomFeed: atom, Links: []feeds.AtomLink{
		{Href: self, Rel: "self", Type: "application/atom+xml"},
		{Href: base + page, Rel: "alternate", Type: "text/html"},
	}}, "", "  ")
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "application/atom+xml; charset=utf-8")
	return c.Send(append([]byte(xml.Header), out...))
}

// atomFeed gives a feed two links, its own address and the HTML page it
// follows; they replace the library's one (AtomFeed.Link).
type atomFeed struct {
	XMLName xml.Name
	*feeds.AtomFeed
	Links []feeds.AtomLink
}
