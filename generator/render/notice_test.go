package render

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/arabic"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/ical"
	"github.com/ofiipack/ofiipack/generator/notice"
	"github.com/ofiipack/ofiipack/generator/plan"
)

// noticePack renders the pack of example name with applicant.language set
// to lang, at the day on.
func noticePack(t *testing.T, name, lang string, on civil.Date, edit func(*plan.Plan)) (*layout, []byte, *applicant.File, *plan.Plan) {
	t.Helper()
	f := loadExample(t, name)
	f.Applicant.Language = lang
	p, err := plan.Compute(f, on)
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(p)
	}
	l, b := render(t, name+"-"+lang, f, p, nil, p.Documents)
	return l, b, f, p
}

// noticeText is everything the notice's pages say, line by line.
func noticeText(l *layout) string {
	var b strings.Builder
	for _, pg := range l.Pages {
		if pg.Doc != plan.DocApplicantNotice {
			continue
		}
		for _, tx := range pg.Texts {
			b.WriteString(tx.Text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// printed is how a sentence of the catalog appears on the page: Arabic
// shaped and in drawing order.
func printed(c *notice.Catalog, s string) string {
	if c.RTL() {
		return arabic.Visual(arabic.Shape(s))
	}
	return s
}

// TestNoticeInEveryLanguage: the notice is the pack's second document, one
// page or two, inside its margins, in the language and in French, with the
// date in digits and the next date's calendar code.
func TestNoticeInEveryLanguage(t *testing.T) {
	langs := noticeCatalogs(t)
	fr, _ := notice.Load(notice.French)
	for _, lang := range langs {
		t.Run(lang.Code, func(t *testing.T) {
			l, _, f, p := noticePack(t, "diallo-general", lang.Code, today, nil)
			if len(l.Docs) < 2 || l.Docs[1].ID != plan.DocApplicantNotice {
				t.Fatalf("documents %v: the notice is not second", l.Docs)
			}
			if n := l.Docs[1].PageCount; n < 1 || n > 2 {
				t.Errorf("the notice has %d pages, want one or two", n)
			}
			checkNothingOverflows(t, l)
			checkPageNumbers(t, l)
			text := noticeText(l)
			// the title's words (a long sentence may be cut into lines)
			for _, s := range []string{printed(lang, lang.Title), fr.Title, "16/12/2026", "Aminata DIALLO", "01 45 21 38 93", "3939"} {
				if !strings.Contains(text, s) {
					t.Errorf("the notice does not say %q", s)
				}
			}
			first := strings.Fields(printed(lang, lang.Steps["certificate_to_ofii"].Do))[0]
			if lang.RTL() { // drawn from the left: the sentence's last word comes first
				words := strings.Fields(printed(lang, "OFII"))
				first = words[0]
			}
			if !strings.Contains(text, first) {
				t.Errorf("the next step's sentence is missing (%q)", first)
			}
			var qrs []string
			for _, pg := range l.Pages {
				if pg.Doc == plan.DocApplicantNotice {
					for _, q := range pg.QRs {
						qrs = append(qrs, q.Payload)
					}
				}
			}
			want := ical.EventPayload(f, *p.Next())
			if !slices.Equal(qrs, []string{want}) {
				t.Errorf("the notice's QR codes %q, want the next step's event", qrs)
			}
		})
	}
}

// TestNoticeFollowsThePlan: a late step says it is late and what to do
// today; an action without a date has no date line; a deadline with a
// posting date says when to post, then that the day has passed.
func TestNoticeFollowsThePlan(t *testing.T) {
	en, _ := notice.Load("en")
	t.Run("posting date", func(t *testing.T) {
		l, _, _, _ := noticePack(t, "diallo-general", "en", today, nil)
		text := noticeText(l)
		for _, s := range []string{"Deadline: Wednesday 16/12/2026", "Post it by Wednesday 09/12/2026 at the latest",
			"À poster au plus tard le mercredi 09/12/2026"} {
			if !strings.Contains(normalize(text), s) {
				t.Errorf("missing %q in\n%s", s, text)
			}
		}
		if strings.Contains(text, "Late:") {
			t.Error("a step on time says it is late")
		}
	})
	t.Run("posting date passed", func(t *testing.T) {
		l, _, _, _ := noticePack(t, "diallo-general", "en", civil.New(2026, 12, 12), nil)
		text := normalize(noticeText(l))
		if !strings.Contains(text, "The advised posting date has passed") || strings.Contains(text, "Post it by") {
			t.Errorf("after the posting date:\n%s", text)
		}
	})
	t.Run("late", func(t *testing.T) {
		l, _, _, _ := noticePack(t, "diallo-general", "en", civil.New(2026, 12, 20), nil)
		text := normalize(noticeText(l))
		for _, s := range []string{"Late: the date was Wednesday 16/12/2026.", en.Steps["certificate_to_ofii"].Late,
			"En retard : la date était le mercredi 16/12/2026."} {
			if !strings.Contains(text, s) {
				t.Errorf("missing %q in\n%s", s, text)
			}
		}
		if strings.Contains(text, "Post it by") {
			t.Error("a late step still gives a posting date")
		}
	})
	t.Run("action without a date", func(t *testing.T) {
		l, _, _, _ := noticePack(t, "minimal", "en", today, func(p *plan.Plan) {
			p.NextStep = &plan.NextStep{ID: "file_application", Kind: "action"}
		})
		text := normalize(noticeText(l))
		if !strings.Contains(text, "File your application online") || !strings.Contains(text, "To do") {
			t.Errorf("the action is missing:\n%s", text)
		}
		if strings.Contains(text, "Deadline:") || strings.Contains(text, "Late:") {
			t.Errorf("an action without a date got a date line:\n%s", text)
		}
	})
	t.Run("every step", func(t *testing.T) {
		// every ID of the catalog as the next step, late or not: each is
		// drawn without error, in every language
		langs, _ := notice.Languages()
		for _, lang := range langs {
			for id := range en.Steps {
				for _, late := range []bool{false, true} {
					f, p := examplePlan(t, "diallo-general")
					f.Applicant.Language = lang.Code
					p.Documents = []string{plan.DocApplicantNotice}
					in3 := today.AddDays(3)
					p.NextStep = &plan.NextStep{ID: id, Kind: plan.KindDeadline, Date: &in3, Late: late}
					if err := Pack(&bytes.Buffer{}, f, p, nil); err != nil {
						t.Errorf("%s, %s, late %v: %v", lang.Code, id, late, err)
					}
				}
			}
		}
	})
}

// TestNoNoticeWithoutLanguage: a pack without a language, or in French,
// has no notice and embeds no font beyond Noto Sans.
func TestNoNoticeWithoutLanguage(t *testing.T) {
	for _, lang := range []string{"", "fr"} {
		l, b, _, p := noticePack(t, "diallo-general", lang, today, nil)
		if slices.Contains(p.Documents, plan.DocApplicantNotice) {
			t.Errorf("language %q: the plan lists a notice", lang)
		}
		for _, d := range l.Docs {
			if d.ID == plan.DocApplicantNotice {
				t.Errorf("language %q: the pack has a notice", lang)
			}
		}
		for _, family := range []string{"notoarabic", "notogeorgian"} {
			if bytes.Contains(b, []byte(family)) {
				t.Errorf("language %q: the PDF embeds %s", lang, family)
			}
		}
	}
	_, b, _, _ := noticePack(t, "diallo-general", "ru", today, nil)
	if bytes.Contains(b, []byte("notoarabic")) || bytes.Contains(b, []byte("notogeorgian")) {
		t.Error("a Russian notice embeds the Arabic or Georgian font")
	}
	for code, family := range map[string]string{"ar": "notoarabic", "ka": "notogeorgian"} {
		_, b, _, _ := noticePack(t, "diallo-general", code, today, nil)
		if !bytes.Contains(b, []byte(family)) {
			t.Errorf("the %s notice does not embed %s", code, family)
		}
	}
}

// TestNoticeDeterministic: the same file gives the same bytes, in the
// languages with their own fonts too.
func TestNoticeDeterministic(t *testing.T) {
	for _, lang := range []string{"ar", "ka", "ru"} {
		_, a, _, _ := noticePack(t, "kone-refused", lang, today, nil)
		_, b, _, _ := noticePack(t, "kone-refused", lang, today, nil)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two renders differ", lang)
		}
	}
}

// TestCatalogsAreDrawn: every character of every sentence of every
// catalog, as the notice prints it, has a glyph in the face that draws it
// — no empty box, in Arabic's contextual forms and lam-alef ligatures too.
func TestCatalogsAreDrawn(t *testing.T) {
	langs := noticeCatalogs(t)
	fr, _ := notice.Load(notice.French)
	c, err := newCanvas(today, "")
	if err != nil {
		t.Fatal(err)
	}
	cmaps := map[string]*sfnt.Font{}
	for style, f := range faces {
		if f.draws != nil {
			if cmaps[style], err = sfnt.Parse(f.data); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf sfnt.Buffer
	for _, lang := range append(langs, fr) {
		n := &noticeWriter{c: c, lang: lang, fr: fr, rtl: lang.RTL()}
		switch lang.Script {
		case notice.ScriptArabic:
			n.regular, n.bold, n.inScript = styleArabic, styleArabicBold, arabicRune
		case notice.ScriptGeorgian:
			n.regular, n.bold, n.inScript = styleGeorgian, styleGeorgianBold, georgianRune
		}
		for _, s := range sentences(lang) {
			for _, bold := range []bool{false, true} {
				for _, ln := range n.lines(s, noticeSize, contentWidth, bold) {
					for _, r := range ln.runs {
						if !c.check(r.Style, r.Text) {
							t.Fatalf("%s: %q: %v", lang.Code, r.Text, c.err)
						}
						font := cmaps[r.Style]
						if font == nil {
							continue
						}
						for _, ch := range r.Text {
							if g, err := font.GlyphIndex(&buf, ch); err != nil || g == 0 {
								t.Errorf("%s: %U (in %q) has no glyph in %s", lang.Code, ch, s, r.Style)
							}
						}
					}
				}
			}
		}
	}
}

// sentences is every text of a catalog.
func sentences(c *notice.Catalog) []string {
	out := []string{c.Title, c.Aid, c.Person, c.Day, c.Next.Heading, c.Next.Date, c.Next.PostBy, c.Next.PostByPassed,
		c.Next.Late, c.Next.Notified, c.Next.None, c.Dates.Heading, c.Dates.None, c.Letter.Heading, c.Secret.Heading,
		c.Help.Heading, c.Help.Organisation, c.Help.Comede, c.Help.ComedeWhat, c.Help.Allo, c.QR}
	out = append(out, c.Weekdays...)
	out = append(out, c.Letter.Lines...)
	out = append(out, c.Secret.Lines...)
	for _, k := range c.Kinds {
		out = append(out, k)
	}
	for _, s := range c.Steps {
		out = append(out, s.Do, s.Late)
	}
	return out
}

// TestNoticeFitsTwoPages: for every example, in every language, the
// notice holds on one page or two, inside its margins (SPEC §3).
func TestNoticeFitsTwoPages(t *testing.T) {
	langs, _ := notice.Languages()
	for _, name := range examples {
		for _, lang := range langs {
			l, _, _, _ := noticePack(t, name, lang.Code, today, nil)
			for _, d := range l.Docs {
				if d.ID == plan.DocApplicantNotice && (d.PageCount < 1 || d.PageCount > 2) {
					t.Errorf("%s in %s: the notice has %d pages", name, lang.Code, d.PageCount)
				}
			}
			checkNothingOverflows(t, l)
		}
	}
}

// TestNoticeConcurrent: packs drawn at once on several goroutines, as a
// batch draws them, share the laid-out sentences and give the bytes of a
// pack drawn alone (go test -race checks the sharing).
func TestNoticeConcurrent(t *testing.T) {
	type job struct {
		f *applicant.File
		p *plan.Plan
	}
	var jobs []job
	var want [][]byte
	for _, name := range []string{"diallo-general", "kone-refused"} {
		for _, lang := range []string{"ar", "ka"} {
			_, b, f, p := noticePack(t, name, lang, today, nil)
			jobs = append(jobs, job{f, p})
			want = append(want, b)
		}
	}
	got := make([][]byte, len(jobs))
	errs := make([]error, len(jobs))
	done := make(chan struct{})
	for i, j := range jobs {
		go func() {
			defer func() { done <- struct{}{} }()
			var buf bytes.Buffer
			errs[i] = Pack(&buf, j.f, j.p, nil)
			got[i] = buf.Bytes()
		}()
	}
	for range jobs {
		<-done
	}
	for i := range jobs {
		if errs[i] != nil || !bytes.Equal(got[i], want[i]) {
			t.Errorf("pack %d drawn with others: %v, or other bytes", i, errs[i])
		}
	}
}

// noticeCatalogs are the catalogs of every language that makes a notice.
func noticeCatalogs(t *testing.T) []*notice.Catalog {
	t.Helper()
	langs, err := notice.Languages()
	if err != nil {
		t.Fatal(err)
	}
	var out []*notice.Catalog
	for _, l := range langs {
		c, err := notice.Load(l.Code)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
	return out
}
