package render

import (
	"bytes"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"text/template"

	"go.yaml.in/yaml/v3"

	"github.com/ofiipack/ofiipack/generator/french"
	"github.com/ofiipack/ofiipack/generator/notice"
	"github.com/ofiipack/ofiipack/generator/plan"
	"github.com/ofiipack/ofiipack/templates"
)

// The wording of every document lives in templates/text/*.yaml; these
// types mirror those files (unknown keys are an error, so a typo in a file
// never silently drops a sentence).

type civilityWords struct {
	Long  string `yaml:"long"`
	Short string `yaml:"short"`
	E     string `yaml:"e"`
}

type commonWords struct {
	Page               string                   `yaml:"page"`
	Footer             string                   `yaml:"footer"`
	Continued          string                   `yaml:"continued"`
	Civility           map[string]civilityWords `yaml:"civility"`
	Dotted             string                   `yaml:"dotted"`
	DottedShort        string                   `yaml:"dotted_short"`
	Nationality        string                   `yaml:"nationality"`
	NationalityCountry string                   `yaml:"nationality_country"`
	PreparedWith       string                   `yaml:"prepared_with"` // checklist and calendar
	PDFTitle           string                   `yaml:"pdf_title"`
	Disclaimer         string                   `yaml:"disclaimer"`
}

type byRoute struct {
	Card           string `yaml:"card"`
	APSParent      string `yaml:"aps_parent"`
	FrancoAlgerian string `yaml:"franco_algerian"` // route card, basis franco_algerian_6_7; "" where Card fits both
}

// of returns the wording for a plan's route and legal basis.
func (b byRoute) of(p *plan.Plan) string {
	switch {
	case p.Route == plan.RouteAPSParent:
		return b.APSParent
	case p.Basis == plan.BasisFrancoAlgerian && b.FrancoAlgerian != "":
		return b.FrancoAlgerian
	}
	return b.Card
}

type listByRoute struct {
	Card      []string `yaml:"card"`
	APSParent []string `yaml:"aps_parent"`
}

type step struct {
	ID   string `yaml:"id"`
	Text string `yaml:"text"`
}

type checklistWords struct {
	Document string  `yaml:"document"`
	Title    byRoute `yaml:"title"`
	Held     string  `yaml:"held"` // a renewal: the permit held
	Person   string  `yaml:"person"`
	Prepared string  `yaml:"prepared"`
	Next     struct {
		Heading       string `yaml:"heading"`
		Date          string `yaml:"date"` // {{.Kind}}: the kind's label (plan.KindLabel)
		Late          string `yaml:"late"`
		DaysLeft      string `yaml:"days_left"`
		Today         string `yaml:"today"`
		Tomorrow      string `yaml:"tomorrow"`
		PostBy        string `yaml:"post_by"`
		NonWorkingDay string `yaml:"non_working_day"`
		Action        string `yaml:"action"`  // over an action: it is for today
		Stage         string `yaml:"stage"`   // {{.Stage}}: where the file stands
		Reasons       string `yaml:"reasons"` // the request for reasons is in the pack
	} `yaml:"next"`
	Conditions struct {
		Heading   string   `yaml:"heading"`
		Card      []string `yaml:"card"`
		APSParent []string `yaml:"aps_parent"`
		Irregular string   `yaml:"irregular"`
		Source    string   `yaml:"source"`
	} `yaml:"conditions"`
	Documents struct {
		Heading string `yaml:"heading"`
		Intro   string `yaml:"intro"`
		Ready   string `yaml:"ready"`
	} `yaml:"documents"`
	Steps struct {
		Heading   string  `yaml:"heading"`
		Done      string  `yaml:"done"`
		Card      []step  `yaml:"card"`
		APSParent []step  `yaml:"aps_parent"`
		Accepted  string  `yaml:"accepted"`
		Refused   byRoute `yaml:"refused"`
	} `yaml:"steps"`
	Filed struct {
		Heading     string   `yaml:"heading"`
		Lines       []string `yaml:"lines"`
		Certificate string   `yaml:"certificate"`
	} `yaml:"filed"`
	WithOFII struct {
		Heading string   `yaml:"heading"`
		Lines   []string `yaml:"lines"`
	} `yaml:"with_ofii"`
	Outcome map[string]outcomeWords `yaml:"outcome"` // by stage: granted, refused, implicit_refusal
	Fees    struct {
		Heading           string `yaml:"heading"`
		AsOf              string `yaml:"as_of"`
		NonRefundable     string `yaml:"non_refundable"`
		NonRefundablePaid string `yaml:"non_refundable_paid"` // once filed
		Remaining         string `yaml:"remaining"`           // the total once that part is paid
		None              string `yaml:"none"`
		Total             string `yaml:"total"`
	} `yaml:"fees"`
	Warnings struct {
		Heading string `yaml:"heading"`
	} `yaml:"warnings"`
	Help struct {
		Heading     string `yaml:"heading"`
		ANEF        string `yaml:"anef"`
		ANEFURL     string `yaml:"anef_url"`
		ANEFCaption string `yaml:"anef_caption"`
	} `yaml:"help"`
}

// outcomeWords is the checklist's page about an outcome.
type outcomeWords struct {
	Heading string   `yaml:"heading"`
	Lines   []string `yaml:"lines"`
	Source  string   `yaml:"source"`
}

type letterWords struct {
	Document        string  `yaml:"document"`
	ForeignerNumber string  `yaml:"foreigner_number"`
	Phone           string  `yaml:"phone"`
	Email           string  `yaml:"email"`
	AddressUnknown  string  `yaml:"address_unknown"`
	PlaceDate       string  `yaml:"place_date"`
	RegisteredMail  string  `yaml:"registered_mail"`
	SubjectLabel    string  `yaml:"subject_label"`
	Subject         byRoute `yaml:"subject"`
	ReferencesLabel string  `yaml:"references_label"`
	References      struct {
		Applicant         string `yaml:"applicant"`
		ForeignerNumber   string `yaml:"foreigner_number"`
		ANEFNumber        string `yaml:"anef_number"`
		Filed             string `yaml:"filed"`
		FiledAtPrefecture string `yaml:"filed_at_prefecture"`
		Asylum            string `yaml:"asylum"`
		Child             string `yaml:"child"`
		Held              string `yaml:"held"` // a renewal: the permit held
	} `yaml:"references"`
	Salutation string      `yaml:"salutation"`
	Body       listByRoute `yaml:"body"`
	Enclosure  string      `yaml:"enclosure"`
	Closing    string      `yaml:"closing"`
	Signature  string      `yaml:"signature"`
	Reasons    struct {
		Document       string   `yaml:"document"`
		AddressUnknown string   `yaml:"address_unknown"`
		Subject        string   `yaml:"subject"`
		Filed          string   `yaml:"filed"`
		Salutation     string   `yaml:"salutation"`
		Body           []string `yaml:"body"`
		Closing        string   `yaml:"closing"`
		PostBy         string   `yaml:"post_by"`
		Permit         byRoute  `yaml:"permit"`
	} `yaml:"reasons"`
}

type statementWords struct {
	NonPolygamy struct {
		Document    string  `yaml:"document"`
		Title       string  `yaml:"title"`
		Subtitle    string  `yaml:"subtitle"`
		Identity    string  `yaml:"identity"`
		Born        string  `yaml:"born"`
		Nationality string  `yaml:"nationality"`
		Address     string  `yaml:"address"`
		Statement   string  `yaml:"statement"`
		Purpose     byRoute `yaml:"purpose"`
	} `yaml:"non_polygamy"`
	Host struct {
		Document  string `yaml:"document"`
		Title     string `yaml:"title"`
		Subtitle  string `yaml:"subtitle"`
		Identity  string `yaml:"identity"`
		Born      string `yaml:"born"`
		Address   string `yaml:"address"`
		Statement string `yaml:"statement"`
		Since     string `yaml:"since"`
		Enclosed  string `yaml:"enclosed"`
	} `yaml:"host"`
	PlaceDate     string  `yaml:"place_date"`
	Signature     string  `yaml:"signature"`
	SignatureHost string  `yaml:"signature_host"`
	Penalty       byRoute `yaml:"penalty"`
}

type calendarWords struct {
	Document string `yaml:"document"`
	Title    string `yaml:"title"`
	Person   string `yaml:"person"`
	Held     string `yaml:"held"` // a renewal: the permit renewed
	Intro    string `yaml:"intro"`
	Timeline struct {
		Heading string   `yaml:"heading"`
		Columns []string `yaml:"columns"`
		Status  struct {
			Passed   string `yaml:"passed"`
			Done     string `yaml:"done"`
			Upcoming string `yaml:"upcoming"`
		} `yaml:"status"`
		NonWorking   string `yaml:"non_working"`
		PostByPassed string `yaml:"post_by_passed"` // the post-by column, once that day is gone
		Holiday      string `yaml:"holiday"`
		Today        string `yaml:"today"`
		None         string `yaml:"none"`
	} `yaml:"timeline"`
	Months struct {
		Heading  string   `yaml:"heading"`
		Weekdays []string `yaml:"weekdays"`
		Legend   struct {
			Weekend     string `yaml:"weekend"`
			Holiday     string `yaml:"holiday"`
			Deadline    string `yaml:"deadline"`
			Appointment string `yaml:"appointment"`
			Expiry      string `yaml:"expiry"`
			Milestone   string `yaml:"milestone"`
			PostBy      string `yaml:"post_by"`
			Today       string `yaml:"today"`
		} `yaml:"legend"`
	} `yaml:"months"`
	QR struct {
		Heading string `yaml:"heading"`
		Intro   string `yaml:"intro"`
		Caption string `yaml:"caption"`
	} `yaml:"qr"`
	Caseload struct {
		Document        string   `yaml:"document"`
		Title           string   `yaml:"title"`
		Subtitle        string   `yaml:"subtitle"`
		SubtitleNoOrg   string   `yaml:"subtitle_no_org"`
		Week            string   `yaml:"week"`
		Columns         []string `yaml:"columns"`
		None            string   `yaml:"none"`
		WarningsHeading string   `yaml:"warnings_heading"`
		NoWarnings      string   `yaml:"no_warnings"`
		Count           string   `yaml:"count"`
		PostSoonHeading string   `yaml:"post_soon_heading"`
		PostSoonNote    string   `yaml:"post_soon_note"`
		PostSoonColumns []string `yaml:"post_soon_columns"`
		LateHeading     string   `yaml:"late_heading"`
		LateNote        string   `yaml:"late_note"`
		LateColumns     []string `yaml:"late_columns"`
		LateStatus      string   `yaml:"late_status"`
		FailedHeading   string   `yaml:"failed_heading"`
		FailedNote      string   `yaml:"failed_note"`
		FailedColumns   []string `yaml:"failed_columns"`
		FailedMore      string   `yaml:"failed_more"`
	} `yaml:"caseload"`
}

// contact is one help line of templates/data/contacts.yaml.
type contact struct {
	ID    string  `yaml:"id"`
	Name  string  `yaml:"name"`
	Phone string  `yaml:"phone"`
	What  string  `yaml:"what"`
	Hours []hours `yaml:"hours"`
	// Slots are the same hours as data, worded in the applicant's
	// language by the notice (the French lines of Hours are the checklist's).
	Slots  []notice.Slot `yaml:"slots"`
	Cost   string        `yaml:"cost"`
	Source string        `yaml:"source"`
}

// hours is one line of opening hours. In contacts.yaml a line such as
// "Lundi : de 8 h 30 à 17 h 30" is, for YAML, a one-key mapping; both forms
// are read back as the line of text.
type hours string

func (h *hours) UnmarshalYAML(n *yaml.Node) error {
	switch {
	case n.Kind == yaml.ScalarNode:
		*h = hours(n.Value)
	case n.Kind == yaml.MappingNode && len(n.Content) == 2 && n.Content[0].Kind == yaml.ScalarNode && n.Content[1].Kind == yaml.ScalarNode:
		*h = hours(n.Content[0].Value + " : " + n.Content[1].Value)
	default:
		return fmt.Errorf("line %d: opening hours must be a line of text", n.Line)
	}
	return nil
}

// wording is all the text the documents print, one file of templates/ per
// field, read and checked together the first time a document is drawn.
type wording struct {
	Common     commonWords
	Checklist  checklistWords
	Letter     letterWords
	Statements statementWords
	Calendar   calendarWords
	Contacts   []contact
}

// wordingFiles are the files of the wording in templates.FS, in the order
// of readWording's fields.
var wordingFiles = []string{"text/common.yaml", "text/checklist.yaml", "text/letter.yaml",
	"text/statements.yaml", "text/calendar.yaml", "data/contacts.yaml"}

// readWording reads and checks every file of the wording in fsys.
func readWording(fsys fs.FS) (*wording, error) {
	w := &wording{}
	into := []any{&w.Common, &w.Checklist, &w.Letter, &w.Statements, &w.Calendar, &w.Contacts}
	for i, path := range wordingFiles {
		b, err := fs.ReadFile(fsys, path)
		if err != nil {
			return nil, fmt.Errorf("read wording: %w", err)
		}
		dec := yaml.NewDecoder(bytes.NewReader(b))
		dec.KnownFields(true)
		if err := dec.Decode(into[i]); err != nil {
			return nil, fmt.Errorf("read wording templates/%s: %w", path, err)
		}
	}
	// Tables index their column titles: an edit that drops one must be an
	// error, not a crash in the middle of a batch.
	const path = "text/calendar.yaml"
	for _, t := range []struct {
		key    string
		titles []string
	}{
		{"timeline.columns", w.Calendar.Timeline.Columns},
		{"caseload.columns", w.Calendar.Caseload.Columns},
		{"caseload.post_soon_columns", w.Calendar.Caseload.PostSoonColumns},
		{"caseload.late_columns", w.Calendar.Caseload.LateColumns},
	} {
		if len(t.titles) != 6 {
			return nil, fmt.Errorf("read wording templates/%s: %s has %d titles, expected 6", path, t.key, len(t.titles))
		}
	}
	if n := len(w.Calendar.Caseload.FailedColumns); n != len(failedWidths) {
		return nil, fmt.Errorf("read wording templates/%s: caseload.failed_columns has %d titles, expected %d", path, n, len(failedWidths))
	}
	return w, nil
}

// loadWording returns the embedded wording, read once per process.
var loadWording = sync.OnceValues(func() (*wording, error) { return readWording(templates.FS) })

var tplCache sync.Map // template text → *template.Template

// wordingFuncs are the functions of the documents' wording templates.
// plural chooses the French singular for 0 and 1 and the plural above
// (« 1 pièce prête », « 0 échéance », « 3 pièces prêtes »): never "(s)".
var wordingFuncs = template.FuncMap{
	"plural": func(n int, one, many string) string {
		if n > 1 || n < -1 {
			return many
		}
		return one
	},
}

// fill executes a wording template with data and applies French
// typography. Errors are recorded on the canvas (the wording is embedded
// and every template is exercised by the tests).
func (c *canvas) fill(text string, data any) string {
	if !strings.Contains(text, "{{") {
		return french.Typo(text)
	}
	t, ok := tplCache.Load(text)
	if !ok {
		parsed, err := template.New("").Funcs(wordingFuncs).Option("missingkey=error").Parse(text)
		if err != nil {
			c.fail(fmt.Errorf("wording %q: %w", text, err))
			return ""
		}
		t, _ = tplCache.LoadOrStore(text, parsed)
	}
	var b strings.Builder
	if err := t.(*template.Template).Execute(&b, data); err != nil {
		c.fail(fmt.Errorf("wording %q: %w", text, err))
		return ""
	}
	return french.Typo(b.String())
}
