package plan

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"text/template"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/french"
	"github.com/ofiipack/ofiipack/templates"
)

// The embedded tables the plan reads, in templates.FS.
const (
	WordingPath  = "text/plan.yaml"
	FeesPath     = "data/fees.yaml"
	PolygamyPath = "data/polygamy.yaml"
)

// tables is everything the rules read from templates/: wording and data.
type tables struct {
	w        wording
	fees     feeTable
	poly     polygamyTable
	polyList map[string]*polygamyList // ISO code -> its list
}

// text is one Go template of the wording. A text without an action
// ("{{") is printed as it is; the others are parsed the first time they
// are rendered, shared by the copies of the text: a command renders a
// few dozen of the wording's texts, and parsing all of them at start-up
// was a tenth of a letter’s CPU. TestWordingFieldsExist renders them all.
type text struct {
	src  string
	set  bool      // the tables give it (maybe empty)
	line int       // where, in WordingPath
	tpl  *lazyText // nil: src has no action
}

type lazyText struct {
	once sync.Once
	t    *template.Template
	err  error
}

// parsed returns the text's template (nil for a text without actions).
func (t text) parsed() (*template.Template, error) {
	if t.tpl == nil {
		return nil, nil
	}
	t.tpl.once.Do(func() {
		t.tpl.t, t.tpl.err = template.New("").Funcs(funcs).Option("missingkey=error").Parse(t.src)
		if t.tpl.err != nil {
			t.tpl.err = fmt.Errorf("%s:%d: %w", WordingPath, t.line, t.tpl.err)
		}
	})
	return t.tpl.t, t.tpl.err
}

var funcs = template.FuncMap{
	"date":  dateWords,
	"short": func(d civil.Date) string { return french.Short(d) },
	"euros": french.Euros,
	"days":  french.Days,
	"list":  listWords,
	"cap":   capitalize,
}

// capitalize upper-cases the first letter of s ("montants" → "Montants").
func capitalize(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+utf8.RuneLen(r):]
	}
	return s
}

// dateWords formats a date (or a non-nil date pointer) in words.
func dateWords(v any) (string, error) {
	switch d := v.(type) {
	case civil.Date:
		return french.Date(d), nil
	case *civil.Date:
		if d == nil {
			return "", errors.New("date of an absent date")
		}
		return french.Date(*d), nil
	}
	return "", fmt.Errorf("date of a %T", v)
}

// listWords joins items the French way: "a", "a et b", "a, b et c".
func listWords(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " et " + items[len(items)-1]
}

func (t *text) UnmarshalYAML(n *yaml.Node) error {
	if err := n.Decode(&t.src); err != nil {
		return err
	}
	t.set, t.line = true, n.Line
	if strings.Contains(t.src, "{{") {
		t.tpl = &lazyText{}
	}
	return nil
}

// render executes the template; a text that was never set renders "".
func (t text) render(data any) (string, error) {
	tpl, err := t.parsed()
	if err != nil {
		return "", fmt.Errorf("wording %q: %w", t.src, err)
	}
	if tpl == nil {
		return strings.TrimSpace(t.src), nil
	}
	var b strings.Builder
	if err := tpl.Execute(&b, data); err != nil {
		return "", fmt.Errorf("wording %q: %w", t.src, err)
	}
	return strings.TrimSpace(b.String()), nil
}

type wording struct {
	Sources map[string]string `yaml:"sources"` // anchors of the sources used most
	Permits map[string]Permit `yaml:"permits"`
	// HeldPermits name the permit held now (current_permit), by kind
	HeldPermits map[string]HeldPermit      `yaml:"held_permits"`
	Items       map[string]itemWording     `yaml:"items"`
	Deadlines   map[string]deadlineWording `yaml:"deadlines"`
	Warnings    map[string]warningWording  `yaml:"warnings"`
	Fees        map[string]feeWording      `yaml:"fees"`
	Steps       map[string]stepWording     `yaml:"steps"`
	Labels      struct {
		ResidenceProofs map[string]string `yaml:"residence_proofs"`
		RefusalGrounds  map[string]string `yaml:"refusal_grounds"`
		AppealPeriods   map[string]string `yaml:"appeal_periods"`
	} `yaml:"labels"`
	Text    textWording    `yaml:"text"`
	Renewal renewalWording `yaml:"renewal"`
}

type itemWording struct {
	Title      text                   `yaml:"title"`
	Details    []text                 `yaml:"details"`
	Source     text                   `yaml:"source"`
	ByDocument map[string]itemWording `yaml:"by_document"` // identity_document only
}

// Permit is how the documents name the permit of a legal basis.
type Permit struct {
	Title   string `yaml:"title"`   // in titles and lists
	Short   string `yaml:"short"`   // in sentences: « la carte de séjour temporaire »
	Granted string `yaml:"granted"` // the participle that agrees with Short: « accordée »
}

type deadlineWording struct {
	Title  text   `yaml:"title"`
	Detail text   `yaml:"detail"`
	Source text   `yaml:"source"`
	Before string `yaml:"before"` // "avant le" or "le", before the date in "Prochaine étape"
	Late   text   `yaml:"late"`   // what to do now when the deadline has passed (next step)
}

// stepWording words a next step that is not a deadline: its title, and
// what to do today.
type stepWording struct {
	Title text `yaml:"title"`
	Now   text `yaml:"now"`
}

type warningWording struct {
	Message text `yaml:"message"`
	Short   text `yaml:"short"`
	Source  text `yaml:"source"`
}

type feeWording struct {
	Title string `yaml:"title"`
	Note  text   `yaml:"note"`
}

type textWording struct {
	Heading           text              `yaml:"heading"`
	Route             text              `yaml:"route"`
	Stage             text              `yaml:"stage"`
	Stages            map[string]string `yaml:"stages"`
	Next              text              `yaml:"next"`
	NextLate          text              `yaml:"next_late"`
	NextAction        text              `yaml:"next_action"`
	NextSoon          text              `yaml:"next_soon"` // a deadline whose posting date has passed
	PostByPassed      text              `yaml:"post_by_passed"`
	Checklist         string            `yaml:"checklist"`
	Deadlines         string            `yaml:"deadlines"`
	NoDeadlines       string            `yaml:"no_deadlines"`
	PostBy            text              `yaml:"post_by"`
	NonWorkingWeekend text              `yaml:"non_working_weekend"`
	NonWorkingHoliday text              `yaml:"non_working_holiday"`
	NonWorkingUsage   text              `yaml:"non_working_usage"`
	Passed            text              `yaml:"passed"`
	Done              string            `yaml:"done"`
	InDays            text              `yaml:"in_days"`
	Today             string            `yaml:"today"`
	Tomorrow          string            `yaml:"tomorrow"`
	Kinds             map[string]string `yaml:"kinds"`
	Warnings          string            `yaml:"warnings"`
	Fees              string            `yaml:"fees"`
	Source            text              `yaml:"source"`
	NoFees            string            `yaml:"no_fees"`
	Documents         string            `yaml:"documents"`
	DocumentNames     map[string]string `yaml:"document_names"`
	Disclaimer        string            `yaml:"disclaimer"`
}

// feeTable is templates/data/fees.yaml: dated periods, each with its
// amounts and source (SPEC §2, "Fees").
type feeTable struct {
	AsOf    string      `yaml:"as_of"`
	Periods []feePeriod `yaml:"periods"`
}

// feePeriod is one period of the fee table: in force from From (the first
// period has no From) until the next period's From.
type feePeriod struct {
	From   *civil.Date `yaml:"from"`
	Source string      `yaml:"source"`
	AsOf   string      `yaml:"as_of"`
	Caveat string      `yaml:"caveat"`
	Fees   []feeEntry  `yaml:"fees"`
}

type feeEntry struct {
	ID               string  `yaml:"id"`
	AmountEUR        float64 `yaml:"amount_eur"`
	AtFilingEUR      float64 `yaml:"at_filing_eur"`
	Override         string  `yaml:"override"`
	AtFilingOverride string  `yaml:"at_filing_override"`
	Law              string  `yaml:"law"` // the article that sets the fee
	// Source and Caveat, when set, are printed instead of the period's:
	// an amount that comes from another text than the period's.
	Source string `yaml:"source"`
	Caveat string `yaml:"caveat"`
}

// sourceIn is where the amount of e comes from, in period p.
func (e *feeEntry) sourceIn(p *feePeriod) string {
	if e.Source != "" {
		return e.Source
	}
	return p.Source
}

// caveatIn is what the documents say of the amount of e, in period p.
func (e *feeEntry) caveatIn(p *feePeriod) string {
	if e.Caveat != "" {
		return e.Caveat
	}
	return p.Caveat
}

// period returns the fee period in force on day: the last one that starts
// on or before it.
func (f *feeTable) period(day civil.Date) *feePeriod {
	in := &f.Periods[0]
	for i := range f.Periods {
		if p := &f.Periods[i]; p.From != nil && !p.From.After(day) {
			in = p
		}
	}
	return in
}

func (p *feePeriod) fee(id string) *feeEntry {
	for i := range p.Fees {
		if p.Fees[i].ID == id {
			return &p.Fees[i]
		}
	}
	return nil
}

// polygamyTable is templates/data/polygamy.yaml (SPEC §2, "Polygamy table").
type polygamyTable struct {
	AsOf   string         `yaml:"as_of"`
	Source string         `yaml:"source"`
	Lists  []polygamyList `yaml:"lists"`
}

type polygamyList struct {
	ID        string   `yaml:"id"`
	Label     string   `yaml:"label"`
	Countries []string `yaml:"countries"`
}

// IDs the tables must cover.
var (
	basisIDs    = []string{BasisL4259, BasisL42510, BasisFrancoAlgerian}
	deadlineIDs = []string{DeadlineApplicationFiling, DeadlineCertificateToOFII, DeadlineOFIIRequestReply,
		DeadlineOFIIExamination, DeadlineImplicitRefusal, DeadlineAppealImplicitRefusal, DeadlineAppealDecision,
		DeadlineDomicileProofExpiry, DeadlineNationalityCertificateExpiry, DeadlineOneYearResidence,
		DeadlineChildMajority, DeadlineRenewalWindowOpens, DeadlineRenewalFiling, DeadlinePermitExpiry,
		DeadlineReceiptExpiry}
	warningIDs = []string{WarningLessThanOneYear, WarningRefusalRisk, WarningApplicationLate, WarningFilingDateUnknown,
		WarningCertificateDeadlinePassed, WarningNoResponseToOFII, WarningImplicitRefusalReached,
		WarningDecisionRefused, WarningAppealPeriodMissing, WarningDomicileProofTooOld,
		WarningNationalityCertificateTooOld, WarningNoIdentityDocument, WarningVisaFeeMayApply,
		WarningHostCareOfMissing, WarningOFIIAddressMissing, WarningAPSParentOffline,
		WarningRenewalLate, WarningPermitExpired, WarningMultiYearCard, WarningChildMajorityBeforeExpiry,
		WarningNextRenewal}
	feeIDs      = []string{FeeStampDuty, FeeRegularisationVisa, FeeAPSTax, FeeRenewalTax, FeeLateRenewalVisa}
	kindIDs     = []string{KindDeadline, KindAppointment, KindExpiry, KindMilestone}
	documentIDs = []string{DocChecklist, DocApplicantNotice, DocCoverLetter, DocReasonsRequestLetter, DocNonPolygamyDeclaration,
		DocHostAttestation, DocCalendar}
	stageIDs = []string{StageToFile, StageFiled, StageCertificateDue, StageWithOFII, StageImplicitRefusal,
		StageGranted, StageRefused}
	// the wording keys of the steps that are not deadlines (steps:)
	stepKeys = []string{"get_help_now_appeal", "get_help_now_filing", StepGetHelpNow, StepReadDecisionNow,
		StepFileApplication, StepAskPrefecture, StepAwaitCertificate, StepAwaitDecision,
		StepCollectPermit}
	// override keys of options.fees (SPEC §1; aps_tax added)
	overrideKeys = []string{"stamp_duty", "regularisation_visa", "regularisation_visa_at_filing", "aps_tax",
		"renewal_tax", "late_renewal_visa"}
)

var (
	loadOnce sync.Once
	loaded   *tables
	loadErr  error
)

// load reads the embedded tables once per process.
func load() (*tables, error) {
	loadOnce.Do(func() {
		var w, f, p []byte
		var err error
		read := func(path string) []byte {
			if err != nil {
				return nil
			}
			var b []byte
			b, err = templates.FS.ReadFile(path)
			return b
		}
		w, f, p = read(WordingPath), read(FeesPath), read(PolygamyPath)
		if err != nil {
			loadErr = err
			return
		}
		loaded, loadErr = parseTables(w, f, p)
	})
	return loaded, loadErr
}

// loadPermits reads the permits of the embedded wording, once, from their
// section alone: a letter names the permit and needs nothing else of
// plan.yaml.
var loadPermits = sync.OnceValues(func() (map[string]Permit, error) {
	b, err := templates.FS.ReadFile(WordingPath)
	if err != nil {
		return nil, err
	}
	return parsePermits(b)
})

// parsePermits decodes the permits section of plan.yaml and checks it as
// parseTables does.
func parsePermits(wordingYAML []byte) (map[string]Permit, error) {
	sec, line, ok := topLevelSection(wordingYAML, "permits")
	if !ok {
		return nil, fmt.Errorf("%s: no top-level key permits", WordingPath)
	}
	// the section keeps its line numbers in errors
	sec = append(bytes.Repeat([]byte("\n"), line-1), sec...)
	var w struct {
		Permits map[string]Permit `yaml:"permits"`
	}
	if err := decodeStrict(WordingPath, sec, &w); err != nil {
		return nil, err
	}
	if err := checkPermits(w.Permits); err != nil {
		return nil, err
	}
	return w.Permits, nil
}

// topLevelSection returns the lines of a YAML mapping file from the line
// "key:" at the start of a line up to the next line that starts with
// anything but a space, a tab, a comment or an end of line, and the number
// of its first line. It relies on what plan.yaml keeps to: plain keys at
// the start of their line, and no other line starting there (YAML would
// also allow a quoted scalar continued, or a flow mapping closed, in the
// first column). TestPermitsSection holds the section's permits to those
// of the whole file, so an edit that breaks this fails the tests.
func topLevelSection(data []byte, key string) ([]byte, int, bool) {
	start, line := -1, 0
	for i, n := 0, 1; i < len(data); n++ {
		end := bytes.IndexByte(data[i:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += i + 1
		}
		l := data[i:end]
		topLevel := len(l) > 0 && l[0] != ' ' && l[0] != '\t' && l[0] != '#' && l[0] != '\n' && l[0] != '\r'
		switch {
		case topLevel && start >= 0:
			return data[start:i], line, true
		case topLevel && bytes.HasPrefix(l, []byte(key+":")):
			start, line = i, n
		}
		i = end
	}
	if start < 0 {
		return nil, 0, false
	}
	return data[start:], line, true
}

func decodeStrict(path string, data []byte, v any) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// parseTables reads and checks the wording, the fees and the polygamy table.
func parseTables(wordingYAML, feesYAML, polygamyYAML []byte) (*tables, error) {
	t := &tables{polyList: map[string]*polygamyList{}}
	if err := decodeStrict(WordingPath, wordingYAML, &t.w); err != nil {
		return nil, err
	}
	if err := t.w.mergeRenewal(); err != nil {
		return nil, err
	}
	if err := decodeStrict(FeesPath, feesYAML, &t.fees); err != nil {
		return nil, err
	}
	if err := decodeStrict(PolygamyPath, polygamyYAML, &t.poly); err != nil {
		return nil, err
	}
	if err := t.check(); err != nil {
		return nil, err
	}
	for i := range t.poly.Lists {
		l := &t.poly.Lists[i]
		for _, c := range l.Countries {
			t.polyList[c] = l
		}
	}
	return t, nil
}

// checkPermits reports a legal basis whose permit is not fully named.
func checkPermits(permits map[string]Permit) error {
	for _, id := range basisIDs {
		if p := permits[id]; p.Title == "" || p.Short == "" || p.Granted == "" {
			return fmt.Errorf("%s: permits: %s needs title, short and granted", WordingPath, id)
		}
	}
	return nil
}

// check reports the first missing or malformed entry of the tables.
func (t *tables) check() error {
	if err := checkWording(&t.w); err != nil {
		return err
	}
	if err := checkFees(&t.fees); err != nil {
		return err
	}
	return checkPolygamy(&t.poly)
}

// checkWording reports an id the rules use that plan.yaml does not word:
// a permit, kind, item, deadline, warning, fee, label, stage, step,
// document or sentence left out or misspelt.
func checkWording(w *wording) error {
	if err := checkPermits(w.Permits); err != nil {
		return err
	}
	if id := firstMissing(kindIDs, w.Text.Kinds); id != "" {
		return fmt.Errorf("%s: text: kinds: missing %s", WordingPath, id)
	}
	if err := checkItems(w.Items); err != nil {
		return err
	}
	if err := checkEntries(w); err != nil {
		return err
	}
	if err := checkLabels(w); err != nil {
		return err
	}
	for _, k := range stepKeys {
		if sw, ok := w.Steps[k]; !ok || !sw.Title.set || !sw.Now.set {
			return fmt.Errorf("%s: steps: %s needs title and now", WordingPath, k)
		}
	}
	if id := firstMissing(documentIDs, w.Text.DocumentNames); id != "" {
		return fmt.Errorf("%s: text: document_names: missing %s", WordingPath, id)
	}
	return checkSentences(&w.Text)
}

// firstMissing returns the first of ids that names has no word for, or "".
func firstMissing(ids []string, names map[string]string) string {
	for _, id := range ids {
		if names[id] == "" {
			return id
		}
	}
	return ""
}

// checkItems reports a checklist item without its title (for the identity
// document, one per kind of document) or its source, and an item that no
// rule knows: a misspelt id would otherwise never be printed.
func checkItems(items map[string]itemWording) error {
	for _, id := range checklistIDs {
		iw, ok := items[id]
		if !ok {
			return fmt.Errorf("%s: items: missing %s", WordingPath, id)
		}
		if id == ItemIdentityDocument {
			for _, doc := range identityDocuments {
				if !iw.ByDocument[doc].Title.set {
					return fmt.Errorf("%s: items: identity_document: by_document: missing %s", WordingPath, doc)
				}
			}
		} else if !iw.Title.set {
			return fmt.Errorf("%s: items: %s: missing title", WordingPath, id)
		}
		if !iw.Source.set {
			return fmt.Errorf("%s: items: %s: missing source", WordingPath, id)
		}
	}
	for id := range items {
		if !slices.Contains(checklistIDs, id) {
			return fmt.Errorf("%s: items: unknown item %s", WordingPath, id)
		}
	}
	return nil
}

// checkEntries reports a deadline, warning or fee whose wording lacks a
// field the documents print (a deadline also needs its kind in the code).
func checkEntries(w *wording) error {
	for _, id := range deadlineIDs {
		dw, ok := w.Deadlines[id]
		if !ok || !dw.Title.set || !dw.Source.set || dw.Before == "" || deadlineKinds[id] == "" {
			return fmt.Errorf("%s: deadlines: %s needs title, source, before and a kind", WordingPath, id)
		}
	}
	for _, id := range warningIDs {
		if ww, ok := w.Warnings[id]; !ok || !ww.Message.set || !ww.Short.set {
			return fmt.Errorf("%s: warnings: %s needs message and short", WordingPath, id)
		}
	}
	for _, id := range feeIDs {
		if fw, ok := w.Fees[id]; !ok || fw.Title == "" || !fw.Note.set {
			return fmt.Errorf("%s: fees: %s needs title and note", WordingPath, id)
		}
	}
	return nil
}

// checkLabels reports a residence proof, refusal ground, appeal period or
// stage that an applicant file may name and plan.yaml does not word.
func checkLabels(w *wording) error {
	for _, l := range []struct {
		key    string
		keys   []string
		labels map[string]string
	}{
		{"residence_proofs", residenceProofs, w.Labels.ResidenceProofs},
		{"refusal_grounds", refusalGrounds, w.Labels.RefusalGrounds},
		{"appeal_periods", appealPeriods, w.Labels.AppealPeriods},
	} {
		if k := firstMissing(l.keys, l.labels); k != "" {
			return fmt.Errorf("%s: labels: %s: missing %s", WordingPath, l.key, k)
		}
	}
	if id := firstMissing(stageIDs, w.Text.Stages); id != "" {
		return fmt.Errorf("%s: text: stages: missing %s", WordingPath, id)
	}
	return nil
}

// checkSentences reports a sentence of the plan's text (heading, next
// step, dates, sources) missing from plan.yaml.
func checkSentences(tw *textWording) error {
	for name, tx := range map[string]text{"heading": tw.Heading, "route": tw.Route, "next": tw.Next,
		"post_by": tw.PostBy, "non_working_weekend": tw.NonWorkingWeekend,
		"non_working_holiday": tw.NonWorkingHoliday, "non_working_usage": tw.NonWorkingUsage,
		"passed": tw.Passed, "in_days": tw.InDays, "next_late": tw.NextLate, "source": tw.Source,
		"stage": tw.Stage, "next_action": tw.NextAction, "next_soon": tw.NextSoon,
		"post_by_passed": tw.PostByPassed} {
		if !tx.set {
			return fmt.Errorf("%s: text: missing %s", WordingPath, name)
		}
	}
	return nil
}

// checkFees reports a fee table or period whose as_of is not a date, no
// periods, from dates missing or out of order (the rules pick the period in
// force on a day by them), and a period without its source and caveat.
func checkFees(f *feeTable) error {
	if _, err := civil.Parse(f.AsOf); err != nil {
		return fmt.Errorf("%s: as_of: %w", FeesPath, err)
	}
	if len(f.Periods) == 0 {
		return fmt.Errorf("%s: no periods", FeesPath)
	}
	for i := range f.Periods {
		per, where := &f.Periods[i], fmt.Sprintf("%s: period %d", FeesPath, i+1)
		switch {
		case i == 0 && per.From != nil:
			return fmt.Errorf("%s: the first period has no from date", where)
		case i > 0 && per.From == nil:
			return fmt.Errorf("%s: missing from", where)
		case i > 1 && !per.From.After(*f.Periods[i-1].From):
			return fmt.Errorf("%s: from must follow the previous period's", where)
		}
		if _, err := civil.Parse(per.AsOf); err != nil {
			return fmt.Errorf("%s: as_of: %w", where, err)
		}
		if per.Source == "" || per.Caveat == "" {
			return fmt.Errorf("%s: source and caveat are required", where)
		}
		if err := checkPeriodFees(where, per); err != nil {
			return err
		}
	}
	return nil
}

// checkPeriodFees reports, in one period (named by where), a fee the rules
// need and do not find, a fee they do not know, an amount of zero or less, a
// non-refundable part below zero or above the fee, a fee without its law,
// and an override key that is not a key of an applicant's options.fees.
func checkPeriodFees(where string, per *feePeriod) error {
	for _, id := range []string{FeeStampDuty, FeeRegularisationVisa, FeeRenewalTax, FeeLateRenewalVisa} {
		if per.fee(id) == nil {
			return fmt.Errorf("%s: missing fee %s", where, id)
		}
	}
	for _, e := range per.Fees {
		if !slices.Contains(feeIDs, e.ID) {
			return fmt.Errorf("%s: unknown fee %s", where, e.ID)
		}
		if e.AmountEUR <= 0 || e.AtFilingEUR < 0 || e.AtFilingEUR > e.AmountEUR {
			return fmt.Errorf("%s: %s: amounts out of range", where, e.ID)
		}
		if e.Law == "" {
			return fmt.Errorf("%s: %s: missing law", where, e.ID)
		}
		if !slices.Contains(overrideKeys, e.Override) ||
			(e.AtFilingOverride != "" && !slices.Contains(overrideKeys, e.AtFilingOverride)) {
			return fmt.Errorf("%s: %s: override keys must be among %s", where, e.ID, strings.Join(overrideKeys, ", "))
		}
	}
	return nil
}

// checkPolygamy reports a polygamy table without its source or lists, a
// list without id, label or countries, a country that is not an ISO
// 3166-1 alpha-2 code, and a country in two lists (which would then say
// two different things of one applicant).
func checkPolygamy(p *polygamyTable) error {
	if p.Source == "" {
		return fmt.Errorf("%s: missing source", PolygamyPath)
	}
	if len(p.Lists) == 0 {
		return fmt.Errorf("%s: no lists", PolygamyPath)
	}
	seen := map[string]string{}
	for _, l := range p.Lists {
		if l.ID == "" || l.Label == "" || len(l.Countries) == 0 {
			return fmt.Errorf("%s: each list needs id, label and countries", PolygamyPath)
		}
		for _, c := range l.Countries {
			if len(c) != 2 || c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z' {
				return fmt.Errorf("%s: %s: %q is not an ISO 3166-1 alpha-2 code", PolygamyPath, l.ID, c)
			}
			if prev, dup := seen[c]; dup {
				return fmt.Errorf("%s: %s is in both %s and %s", PolygamyPath, c, prev, l.ID)
			}
			seen[c] = l.ID
		}
	}
	return nil
}
