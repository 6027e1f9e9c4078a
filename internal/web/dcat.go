package web

import (
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
)

// dcatCatalog answers /du-lieu-mo/dcat.jsonld: the open data as a DCAT-AP
// catalogue in JSON-LD, so data portals (data.gov.vn, the European data
// portal's harvester, CKAN) can list each dataset and its distributions.
func (s *server) dcatCatalog(c *fiber.Ctx) error {
	sets, err := s.datasets(c.UserContext())
	if err != nil {
		return err
	}
	base := s.baseURL(c)
	vi := func(text string) obj { return obj{"@value": text, "@language": "vi"} }
	publisher := obj{"@type": "foaf:Agent", "foaf:name": vi("Cổng Hợp tác Lao động TP. Hồ Chí Minh – TP. Cần Thơ")}
	contact := obj{"@type": "vcard:Organization", "vcard:fn": "Hợp tác Lao động", "vcard:hasURL": obj{"@id": base + "/du-lieu-mo"}}
	licence := obj{"@id": licenceURL}
	service := obj{
		"@id": base + "/api/v1", "@type": "dcat:DataService",
		"dct:title":                vi("API dữ liệu mở Hợp tác Lao động"),
		"dcat:endpointURL":         obj{"@id": base + "/api/v1"},
		"dcat:endpointDescription": obj{"@id": base + "/api/openapi.json"},
		"dct:license":              licence,
	}
	fileTypes := map[string]string{"csv": "CSV", "json": "JSON", "xlsx": "XLSX"}
	var datasets []obj
	var latest time.Time
	for _, d := range sets {
		modified := obj(nil)
		if d.UpdatedAt != nil {
			modified = obj{"@value": d.UpdatedAt.UTC().Format(time.RFC3339), "@type": "xsd:dateTime"}
			if d.UpdatedAt.After(latest) {
				latest = *d.UpdatedAt
			}
		}
		var dists []obj
		for _, f := range downloadFormats {
			u := base + "/du-lieu-mo/" + d.Name + "." + f.Ext
			dist := obj{
				"@id": u, "@type": "dcat:Distribution",
				"dct:title":        vi(d.Title + " – " + f.Label),
				"dcat:accessURL":   obj{"@id": base + "/du-lieu-mo"},
				"dcat:downloadURL": obj{"@id": u},
				"dcat:mediaType":   obj{"@id": "https://www.iana.org/assignments/media-types/" + mediaType(f.Type)},
				"dct:format":       obj{"@id": "http://publications.europa.eu/resource/authority/file-type/" + fileTypes[f.Ext]},
				"dct:license":      licence,
			}
			if modified != nil {
				dist["dct:modified"] = modified
			}
			dists = append(dists, dist)
		}
		dists = append(dists, obj{
			"@id": base + "/api/v1/" + d.Name, "@type": "dcat:Distribution",
			"dct:title":          vi(d.Title + " – API"),
			"dcat:accessURL":     obj{"@id": base + "/api/v1/" + d.Name},
			"dcat:accessService": obj{"@id": base + "/api/v1"},
			"dcat:mediaType":     obj{"@id": "https://www.iana.org/assignments/media-types/application/json"},
			"dct:license":        licence,
		})
		ds := obj{
			"@id": base + "/du-lieu-mo#bo-" + d.Name, "@type": "dcat:Dataset",
			"dct:identifier":         d.Name,
			"dct:title":              vi(d.Title),
			"dct:description":        vi(d.Title + " đã công bố trên cổng: " + strconv.Itoa(d.Count) + " mục. Từ điển dữ liệu: " + base + "/du-lieu-mo#cot-" + d.Name + "."),
			"dct:publisher":          publisher,
			"dcat:contactPoint":      contact,
			"dct:license":            licence,
			"dct:language":           obj{"@id": "http://publications.europa.eu/resource/authority/language/VIE"},
			"dct:spatial":            []obj{{"@id": "https://www.geonames.org/1566083"}, {"@id": "https://www.geonames.org/1586203"}},
			"dcat:landingPage":       obj{"@id": base + "/du-lieu-mo#bo-" + d.Name},
			"dcat:keyword":           []obj{vi(d.Title), vi("lao động"), vi("TP. Hồ Chí Minh"), vi("Cần Thơ")},
			"dct:accrualPeriodicity": obj{"@id": "http://publications.europa.eu/resource/authority/frequency/CONT"},
			"dcat:distribution":      dists,
		}
		if modified != nil {
			ds["dct:modified"] = modified
		}
		datasets = append(datasets, ds)
	}
	catalog := obj{
		"@context": obj{
			"dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/", "foaf": "http://xmlns.com/foaf/0.1/",
			"vcard": "http://www.w3.org/2006/vcard/ns#", "xsd": "http://www.w3.org/2001/XMLSchema#",
		},
		"@id": base + "/du-lieu-mo/dcat.jsonld", "@type": "dcat:Catalog",
		"dct:title":       vi("Dữ liệu mở Hợp tác Lao động"),
		"dct:description": vi("Việc làm, doanh nghiệp, trường nghề, ngành đào tạo, chính sách, dự án và nhiệm vụ hợp tác đã công bố của TP. Hồ Chí Minh và TP. Cần Thơ."),
		"dct:publisher":   publisher,
		"dct:license":     licence,
		"dct:language":    obj{"@id": "http://publications.europa.eu/resource/authority/language/VIE"},
		"foaf:homepage":   obj{"@id": base + "/du-lieu-mo"},
		"dcat:service":    []obj{service},
		"dcat:dataset":    datasets,
	}
	if !latest.IsZero() {
		catalog["dct:modified"] = obj{"@value": latest.UTC().Format(time.RFC3339), "@type": "xsd:dateTime"}
	}
	return c.JSON(catalog, "application/ld+json; charset=utf-8")
}

// mediaType drops the parameters of a content type.
func mediaType(t string) string {
	t, _, _ = strings.Cut(t, ";")
	return t
}
