package chart_test

import (
	"encoding/xml"
	"strings"
	"testing"

	"minhbach/internal/chart"
)

func TestSVG(t *testing.T) {
	c := chart.Chart{ID: "c1", Title: "Tỷ lệ đúng hạn <theo quý>", Desc: "Quý I/2026: 97,8 %; Quý II/2026: 99 %",
		Legend: []string{"Đúng hạn", "Trễ hạn", "Đang giải quyết"},
		Bars: []chart.Bar{
			{Label: "Sở Tài nguyên và Môi trường tỉnh Sơn Hà và các đơn vị trực thuộc", Parts: []float64{0.9, 0.05, 0.05}, Value: "94,7 %"},
			{Label: "Sở Tư pháp", Parts: []float64{1.2}, Value: "100 %"},
		}}
	svg := c.SVG()
	// It is well-formed XML whose name and description are its title and desc.
	var doc struct {
		Role   string `xml:"role,attr"`
		Labels string `xml:"aria-labelledby,attr"`
		Descr  string `xml:"aria-describedby,attr"`
		Title  struct {
			ID   string `xml:"id,attr"`
			Text string `xml:",chardata"`
		} `xml:"title"`
		Desc struct {
			ID string `xml:"id,attr"`
		} `xml:"desc"`
		Rects []struct {
			Width string `xml:"width,attr"`
			Fill  string `xml:"fill,attr"`
		} `xml:"rect"`
		Texts []string `xml:"text"`
	}
	if err := xml.Unmarshal([]byte(svg), &doc); err != nil {
		t.Fatalf("SVG is not well-formed: %v\n%s", err, svg)
	}
	if doc.Role != "img" || doc.Labels != "c1-t" || doc.Descr != "c1-d" || doc.Title.ID != "c1-t" || doc.Desc.ID != "c1-d" {
		t.Errorf("role=%q aria-labelledby=%q aria-describedby=%q title id=%q desc id=%q, want img, c1-t, c1-d, c1-t, c1-d", doc.Role, doc.Labels, doc.Descr, doc.Title.ID, doc.Desc.ID)
	}
	if doc.Title.Text != "Tỷ lệ đúng hạn <theo quý>" {
		t.Errorf("title = %q", doc.Title.Text)
	}
	// Every mark is drawn in currentColor or a pattern of it, never a fixed colour.
	for _, r := range doc.Rects {
		if r.Fill != "currentColor" && r.Fill != "none" && r.Fill != "url(#c1-soc)" {
			t.Errorf("rect fill %q: want currentColor, none or the hatch pattern", r.Fill)
		}
		if strings.HasPrefix(r.Width, "-") {
			t.Errorf("negative width %q", r.Width)
		}
	}
	if !strings.Contains(svg, `fill="url(#c1-soc)"`) {
		t.Error("the second part of a bar is not hatched")
	}
	// A long label is cut; a part over 1 fills the frame and no more.
	joined := strings.Join(doc.Texts, "|")
	if !strings.Contains(joined, "…") || strings.Contains(joined, "trực thuộc") {
		t.Errorf("long label not clipped: %q", joined)
	}
	if !strings.Contains(svg, `width="399"`) || strings.Contains(svg, `width="478`) {
		t.Errorf("a part over 1 should fill the 399-unit frame exactly:\n%s", svg)
	}
}
