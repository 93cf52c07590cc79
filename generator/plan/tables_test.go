package plan

import (
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/ofiipack/ofiipack/generator/applicant"

	"github.com/ofiipack/ofiipack/templates"
)

func embedded(t *testing.T) (w, f, p string) {
	t.Helper()
	read := func(path string) string {
		b, err := templates.FS.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	return read(WordingPath), read(FeesPath), read(PolygamyPath)
}

// A broken embedded table is an error that names the table, never a panic.
func TestBrokenTables(t *testing.T) {
	w, f, p := embedded(t)
	if _, err := parseTables([]byte(w), []byte(f), []byte(p)); err != nil {
		t.Fatalf("embedded tables: %v", err)
	}
	tests := []struct {
		name    string
		table   string // wording, fees or polygamy
		old     string // replaced by new in that table
		new     string
		wantErr string
	}{
		{"bad template", "wording", "title: Copie intégrale de votre acte de naissance", "title: \"{{.Nope\"", "text/plan.yaml:"},
		{"missing item", "wording", "  e_photo:\n", "  e_photo_x:\n", "e_photo"},
		{"missing identity wording", "wording", "      photo_id:\n", "      photo_idx:\n", "photo_id"},
		{"missing deadline", "wording", "  implicit_refusal:\n", "  implicit_refusalx:\n", "implicit_refusal"},
		{"missing warning", "wording", "  refusal_risk:\n", "  refusal_riskx:\n", "refusal_risk"},
		{"missing short warning", "wording", "    short: \"Motif de refus", "    shortx: \"Motif de refus", "field shortx not found"},
		{"missing label", "wording", "    forgery: ", "    forgeryx: ", "forgery"},
		{"unknown key", "wording", "permits:\n", "permit:\n", "field permit not found"},
		{"missing permit", "wording", "  franco_algerian_6_7:\n", "  franco_algerian:\n", "franco_algerian_6_7"},
		{"missing kind word", "wording", "    milestone: ", "    milestones: ", "milestone"},
		{"fee as_of not a date", "fees", "as_of: 2024-07-31", "as_of: juillet", "as_of"},
		{"fee missing", "fees", "      - id: stamp_duty\n", "      - id: stamp\n", "missing fee stamp_duty"},
		{"fee period without from", "fees", "  - from: 2026-02-21\n", "  - fro: 2026-02-21\n", "field fro not found"},
		{"first fee period with a from date", "fees", "  - source: service-public.fr", "  - from: 2020-01-01\n    source: service-public.fr", "the first period has no from date"},
		{"fee law missing", "fees", "        law: CESEDA art. L. 436-7\n", "", "missing law"},
		{"fee override key unknown", "fees", "override: regularisation_visa\n", "override: visa\n", "override keys"},
		{"non-refundable above the fee", "fees", "at_filing_eur: 50", "at_filing_eur: 500", "out of range"},
		{"fee table not yaml", "fees", "fees:\n", "fees: [\n", "data/fees.yaml"},
		{"country in two lists", "polygamy", "[ID, BD,", "[ML, BD,", "ML is in both"},
		{"not a country code", "polygamy", "[EG, IR,", "[Egypt, IR,", "alpha-2"},
		{"no source", "polygamy", "source: ", "sourcex: ", "data/polygamy.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tables := map[string]string{"wording": w, "fees": f, "polygamy": p}
			if !strings.Contains(tables[tt.table], tt.old) {
				t.Fatalf("test setup: %q not in the %s table", tt.old, tt.table)
			}
			tables[tt.table] = strings.Replace(tables[tt.table], tt.old, tt.new, 1)
			tab, err := parseTables([]byte(tables["wording"]), []byte(tables["fees"]), []byte(tables["polygamy"]))
			if err == nil {
				_, err = tab.parseEveryText()
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %v, want it to contain %q", err, tt.wantErr)
			}
		})
	}
}

// The permits read from their section alone are the permits of the whole
// file, and a broken section is an error at its line in the file.
func TestPermitsSection(t *testing.T) {
	w, f, p := embedded(t)
	tab, err := parseTables([]byte(w), []byte(f), []byte(p))
	if err != nil {
		t.Fatal(err)
	}
	permits, err := parsePermits([]byte(w))
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(permits, tab.w.Permits) {
		t.Errorf("section alone %v\nwhole file %v", permits, tab.w.Permits)
	}
	for _, basis := range basisIDs {
		got, err := PermitOf(basis)
		if err != nil || got != tab.w.Permits[basis] {
			t.Errorf("PermitOf(%s) = %v, %v; want %v", basis, got, err, tab.w.Permits[basis])
		}
	}
	if _, err := PermitOf("l313_11"); err == nil {
		t.Error("PermitOf: no error for an unknown basis")
	}
	line := strings.Count(w[:strings.Index(w, "    short: la carte de séjour temporaire")], "\n") + 1
	for _, tt := range []struct{ name, old, new, wantErr string }{
		{"unknown field", "    short: la carte de séjour temporaire", "    shortx: la carte de séjour temporaire", fmt.Sprintf("line %d: field shortx not found", line)},
		{"missing permit", "  franco_algerian_6_7:\n", "  franco_algerian:\n", "franco_algerian_6_7 needs title"},
		{"no section", "\npermits:\n", "\npermitz:\n", "no top-level key permits"},
		{"alias to an anchor of another section", "    granted: accordée\n", "    granted: *comede\n", "unknown anchor"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(w, tt.old) {
				t.Fatalf("test setup: %q not in %s", tt.old, WordingPath)
			}
			_, err := parsePermits([]byte(strings.Replace(w, tt.old, tt.new, 1)))
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %v, want it to contain %q", err, tt.wantErr)
			}
		})
	}
}

// topLevelSection cuts a section from its key to the next key at the start
// of a line, across comments, blank lines and indented lines.
func TestTopLevelSection(t *testing.T) {
	const doc = "# head\nsources:\n  a: &a x\npermits:\n  one:\n\n# between\n    title: t\n  two: {}\npermits_more:\n  x: y\nlast:\n  z: 1\n"
	for _, tt := range []struct {
		key, want string
		line      int
		ok        bool
	}{
		{"permits", "permits:\n  one:\n\n# between\n    title: t\n  two: {}\n", 4, true},
		{"permits_more", "permits_more:\n  x: y\n", 10, true},
		{"last", "last:\n  z: 1\n", 12, true},
		{"sources", "sources:\n  a: &a x\n", 2, true},
		{"one", "", 0, false},
		{"absent", "", 0, false},
	} {
		sec, line, ok := topLevelSection([]byte(doc), tt.key)
		if string(sec) != tt.want || line != tt.line || ok != tt.ok {
			t.Errorf("%s: %q, line %d, %v; want %q, line %d, %v", tt.key, sec, line, ok, tt.want, tt.line, tt.ok)
		}
	}
	if sec, _, ok := topLevelSection([]byte("permits:\n  a: b"), "permits"); !ok || string(sec) != "permits:\n  a: b" {
		t.Errorf("a section at the end without a newline: %q, %v", sec, ok)
	}
}

// Every wording template executes with the facts it may meet: a template
// naming a field that does not exist fails here, not in a user’s run.
func TestWordingFieldsExist(t *testing.T) {
	w, f, p := embedded(t)
	tab, err := parseTables([]byte(w), []byte(f), []byte(p))
	if err != nil {
		t.Fatal(err)
	}
	d := today
	full := facts{Today: d, Route: RouteCard, Card: true, E: "e", AsylumSeeker: true, AsylumRegisteredOn: &d,
		CertificateAvailableOn: &d, CertificateSentOn: &d, CertificateDue: &d, MailNumber: "1A", Doctor: "Dr X",
		FiledOn: &d, IssuedOn: &d, NationalityCertificateExpiry: &d, DomicileDated: &d, DomicileExpiry: &d,
		Host: "M. X", Child: "Y", Held: []string{"a"}, Suggested: []string{"b"}, ArrivedOn: &d, OneYearOn: &d,
		Reference: d, ReferenceIsFiling: true, Country: "Mali", PolygamyList: "l", PolygamyOverride: "yes",
		PolygamySource: "s", StampDuty: 1, VisaFee: 2, VisaAtFiling: 1, FeeCaveat: "c", Overridden: true,
		Grounds: []string{"g"}, RequestOn: &d, PassedRequests: []string{"r"},
		Algerian: true, Permit: Permit{Title: "t", Short: "s", Granted: "g"}, FilingMonths: 3,
		ImplicitRefusalOn: &d, AppealImplicitOn: &d, AppealImplicitPassed: true, NotifiedOn: &d, OQTF: true,
		AppealDue: &d, AppealWords: "2 mois", AppealPeriodGiven: true, Overseas: true, CareOf: "c",
		Domiciliation: true, APSTax: 3, FeeSource: "s", FeeLaw: "l", Examination: true, Receipt: &d,
		Renewal: &renewal{Kind: "card", Held: HeldPermit{Title: "t", Short: "s", Your: "v", E: "e"},
			ExpiresOn: d, IssuedOn: &d, WindowOpensOn: d, FilingDue: d, ANEF: true, Filed: true, Late: true,
			Expired: true, Covered: true, ReceiptCovers: true, Decided: true, ChildAdultOn: &d, ChildAdultBeforeExpiry: true, A2Rule: true,
			RenewalTax: 200, LateVisa: 180, TaxSource: "s", TaxCaveat: "c", LateSource: "s", LateCaveat: "c"}}
	// and the other branch of every {{if}}
	bare := facts{Today: d, Route: RouteAPSParent, Permit: Permit{Title: "t", Short: "s", Granted: "g"},
		FiledOn: &d, ImplicitRefusalOn: &d, AppealImplicitOn: &d, NotifiedOn: &d, CertificateAvailableOn: &d,
		AsylumRegisteredOn: &d, RequestOn: &d, IssuedOn: &d, DomicileDated: &d, OneYearOn: &d, ArrivedOn: &d,
		CertificateDue: &d, NationalityCertificateExpiry: &d, DomicileExpiry: &d, Reference: d, Country: "Mali", PolygamyList: "l", PolygamySource: "s",
		Renewal: &renewal{Kind: "aps", Held: HeldPermit{Title: "t", Short: "s", Your: "v"},
			ExpiresOn: d, WindowOpensOn: d, FilingDue: d, ChildAdultOn: &d}}
	// a first application: no renewal, whose own texts it never renders
	first := bare
	first.Renewal = nil
	renewalOnly := map[string]bool{}
	for _, ids := range [][]string{slices.Collect(maps.Keys(tab.w.Renewal.Items)), slices.Collect(maps.Keys(tab.w.Renewal.Deadlines)),
		slices.Collect(maps.Keys(tab.w.Renewal.Warnings)), slices.Collect(maps.Keys(tab.w.Renewal.Fees))} {
		for _, id := range ids {
			renewalOnly[id] = true
		}
	}
	check := func(where string, tx text) {
		if !tx.set {
			return
		}
		all := []facts{full, bare}
		if id, _, _ := strings.Cut(where, "."); !renewalOnly[id] {
			all = append(all, first)
		}
		for _, data := range all {
			if _, err := tx.render(data); err != nil {
				t.Errorf("%s (card %v, renewal %v): %v", where, data.Card, data.Renewal != nil, err)
			}
		}
	}
	for id, iw := range tab.w.Items {
		check(id+".title", iw.Title)
		check(id+".source", iw.Source)
		for _, dt := range iw.Details {
			check(id+".details", dt)
		}
		for doc, dw := range iw.ByDocument {
			check(id+"."+doc+".title", dw.Title)
			for _, dt := range dw.Details {
				check(id+"."+doc+".details", dt)
			}
		}
	}
	for id, dw := range tab.w.Deadlines {
		check(id+".title", dw.Title)
		check(id+".detail", dw.Detail)
		check(id+".source", dw.Source)
		check(id+".late", dw.Late)
	}
	for id, ww := range tab.w.Warnings {
		check(id+".message", ww.Message)
		check(id+".short", ww.Short)
		check(id+".source", ww.Source)
	}
	for id, fw := range tab.w.Fees {
		check(id+".note", fw.Note)
	}
}

func TestListWords(t *testing.T) {
	for _, c := range []struct {
		in   []string
		want string
	}{
		{nil, ""}, {[]string{"a"}, "a"}, {[]string{"a", "b"}, "a et b"}, {[]string{"a", "b", "c"}, "a, b et c"},
	} {
		if got := listWords(c.in); got != c.want {
			t.Errorf("listWords(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := capitalize("éa"); got != "Éa" {
		t.Errorf("capitalize = %q", got)
	}
}

func BenchmarkCompute(b *testing.B) {
	f := loadExample(b, "mbarga-sick-child") // Alsace: regional holidays, a request, several deadlines
	if _, err := Compute(f, today); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Compute(f, today); err != nil {
			b.Fatal(err)
		}
	}
}

// Batch mode computes plans in parallel: the shared tables and the holiday
// cache must hold (run with -race).
func TestConcurrentCompute(t *testing.T) {
	files := make([]*applicant.File, len(examples))
	want := make([]string, len(examples))
	for i, name := range examples {
		files[i] = loadExample(t, name)
		js, _ := json.Marshal(compute(t, files[i]))
		want[i] = string(js)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 20 {
				i := (g + k) % len(files)
				p, err := Compute(files[i], today)
				if err != nil {
					errs <- err.Error()
					return
				}
				if js, _ := json.Marshal(p); string(js) != want[i] {
					errs <- examples[i] + ": plan differs when computed concurrently"
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestEveryTextParses: every text of the wording is a valid template (they
// are parsed when first rendered, so a command would meet a broken one
// only when it prints it).
func TestEveryTextParses(t *testing.T) {
	tab, err := load()
	if err != nil {
		t.Fatal(err)
	}
	n, err := tab.parseEveryText()
	if err != nil {
		t.Error(err)
	}
	// plan.yaml has 92 texts with actions ({{…}}): the walk must see them.
	if n < 90 {
		t.Errorf("parsed %d texts with actions, want the ninety-odd of %s", n, WordingPath)
	}
}

// parseEveryText parses every text of the wording, wherever it is in the
// tables, and returns how many have actions, and the first error.
func (t *tables) parseEveryText() (int, error) {
	n := 0
	var walk func(v reflect.Value) error
	walk = func(v reflect.Value) error {
		if v.Type() == reflect.TypeFor[text]() {
			tpl, err := v.Interface().(text).parsed()
			if tpl != nil {
				n++
			}
			return err
		}
		switch v.Kind() {
		case reflect.Struct:
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					if err := walk(v.Field(i)); err != nil {
						return err
					}
				}
			}
		case reflect.Map:
			for it := v.MapRange(); it.Next(); {
				if err := walk(it.Value()); err != nil {
					return err
				}
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				if err := walk(v.Index(i)); err != nil {
					return err
				}
			}
		case reflect.Pointer:
			if !v.IsNil() {
				return walk(v.Elem())
			}
		}
		return nil
	}
	err := walk(reflect.ValueOf(t.w))
	return n, err
}
