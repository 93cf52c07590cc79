package applicant

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/templates"
)

func loadExample(t testing.TB, name string) *File {
	t.Helper()
	path := filepath.Join("..", "..", "examples", name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Load(path, data, today)
	if err != nil {
		t.Fatalf("%s does not load:\n%v", name, err)
	}
	return f
}

func TestExamplesLoad(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "..", "examples", "*.yaml"))
	if err != nil || len(paths) < 5 {
		t.Fatalf("want at least 5 examples, found %d (%v)", len(paths), err)
	}
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) { loadExample(t, filepath.Base(p)) })
	}
}

func TestExampleValues(t *testing.T) {
	diallo := loadExample(t, "diallo-general.yaml")
	mbarga := loadExample(t, "mbarga-sick-child.yaml")
	nguyen := loadExample(t, "nguyen-hosted.yaml")
	rahimi := loadExample(t, "rahimi-asylum.yaml")
	minimal := loadExample(t, "minimal.yaml")
	tests := []struct {
		name      string
		got, want any
	}{
		{"Diallo's postcode", diallo.Applicant.Address.Postcode, "93200"},
		{"Diallo's nationality", diallo.Applicant.Nationality, "ML"},
		{"Diallo's certificate date", diallo.Procedure.CertificateAvailableOn, civil.New(2026, 11, 16)},
		{"Diallo's OFII address", len(diallo.OFIIAddress), 4},
		{"Diallo's OFII address dash", diallo.OFIIAddress[0], "OFII – Service médical"},
		{"Diallo's residence proofs", strings.Join(diallo.Situation.ResidenceProofs, ","), "administration,bank_statements"},
		{"Diallo's foreigner number", diallo.Applicant.ForeignerNumber, "7501234567"},
		{"Mbarga's DD/MM/YYYY birth date", mbarga.Applicant.BirthDate, civil.New(1990, 9, 15)},
		{"Mbarga's child", mbarga.Situation.SickChild.GivenNames, "Noé"},
		{"Mbarga's child's birth date", mbarga.Situation.SickChild.BirthDate, civil.New(2019, 3, 8)},
		{"Mbarga's OFII request", mbarga.Procedure.OFIIRequests[0], OFIIRequest{On: civil.New(2026, 11, 18), Kind: RequestInformation}},
		{"Mbarga's long-stay visa", mbarga.Situation.LongStayVisa, true},
		{"Mbarga's default margin", mbarga.Options.MailMarginDays, 7},
		{"Nguyễn's family name", nguyen.Applicant.FamilyName, "NGUYỄN"},
		{"Nguyễn's given names", nguyen.Applicant.GivenNames, "Văn Đức"},
		{"Nguyễn's host", nguyen.Applicant.HostedBy.FamilyName, "TRẦN"},
		{"Nguyễn's host since", nguyen.Applicant.HostedBy.Since, civil.New(2025, 3, 1)},
		{"Nguyễn's document", nguyen.Identity.Document, NationalityCertificate},
		{"Nguyễn's postcode", nguyen.Applicant.Address.Postcode, "97400"},
		{"Rahimi's asylum date", rahimi.Situation.AsylumRegisteredOn, civil.New(2026, 10, 1)},
		{"Rahimi's document", rahimi.Identity.Document, NoDocument},
		{"Rahimi's organisation", rahimi.Organisation.Name, "Association Accueil Solidarité"},
		{"Rahimi's organisation address", strings.Join(rahimi.Organisation.Address, " / "), "8 passage Alexandrine / 75011 Paris"},
		{"minimal has no procedure", minimal.Procedure.FiledOn.IsZero(), true},
		{"minimal's given names", minimal.Applicant.GivenNames, "Mamadou Ɓoye"},
		{"minimal's polygamy default", minimal.Situation.PolygamyDeclaration, PolygamyAuto},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, tc.got, tc.want)
		}
	}
}

// TestInitTemplateLoads: the file `ofiipack init` writes validates as is.
func TestInitTemplateLoads(t *testing.T) {
	data, err := fs.ReadFile(templates.FS, "init/applicant.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Load("applicant.yaml", data, today); err != nil {
		t.Fatal(err)
	}
}

// TestDecodeNode decodes a tree built as the batch mode builds one from a
// spreadsheet row: untagged scalars, Line the row, Column the column.
func TestDecodeNode(t *testing.T) {
	cell := func(col int, v string) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Value: v, Line: 4, Column: col}
	}
	key := func(k string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: k, Line: 4, Column: 1} }
	mapping := func(col int, kv ...*yaml.Node) *yaml.Node {
		return &yaml.Node{Kind: yaml.MappingNode, Content: kv, Line: 4, Column: col}
	}
	row := func(nationality, postcode, arrived string) *yaml.Node {
		return mapping(1,
			key("format"), cell(1, "ofiipack/v1"),
			key("applicant"), mapping(2,
				key("civility"), cell(2, "Madame"),
				key("family_name"), cell(3, "DIALLO"),
				key("given_names"), cell(4, "Aminata"),
				key("birth_date"), cell(5, "12/04/1988"),
				key("birth_place"), cell(6, "Bamako (Mali)"),
				key("nationality"), cell(7, nationality),
				key("marital_status"), cell(8, "married"),
				key("email"), cell(9, ""),
				key("address"), mapping(10,
					key("street"), cell(10, "12 rue des Lilas"),
					key("postcode"), cell(11, postcode),
					key("city"), cell(12, "Saint-Denis"))),
			key("identity"), mapping(13, key("document"), cell(13, "passport")),
			key("situation"), mapping(14,
				key("arrived_on"), cell(14, arrived),
				key("long_stay_visa"), cell(15, "false"),
				key("asylum_registered_on"), cell(16, "null")),
		)
	}

	f, err := DecodeNode("caseload.csv", row("ml", "01000", "2024-05-02"), today)
	if err != nil {
		t.Fatal(err)
	}
	if f.Applicant.Nationality != "ML" || f.Applicant.Address.Postcode != "01000" || f.Applicant.Civility != Madame ||
		f.Applicant.BirthDate != civil.New(1988, 4, 12) || f.Applicant.Email != "" {
		t.Errorf("decoded %+v", f.Applicant)
	}

	doc := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{row("XX", "1000", "2027-01-01")}}
	_, err = DecodeNode("caseload.csv", doc, today)
	checkProblems(t, err, []string{
		`caseload.csv:4:7: applicant.nationality: found "XX"`,
		`caseload.csv:4:11: applicant.address.postcode: found "1000" ... | hint: did you mean "01000"?`,
		`caseload.csv:4:14: situation.arrived_on: found 2027-01-01, a date in the future`,
	})

	for _, tc := range []struct {
		name string
		root *yaml.Node
	}{
		{"nil", nil},
		{"empty document", &yaml.Node{Kind: yaml.DocumentNode}},
		{"zero node", &yaml.Node{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DecodeNode("caseload.csv", tc.root, today)
			checkProblems(t, err, []string{"caseload.csv:1:1: the file is empty"})
		})
	}
}

func TestLoadOrganisation(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string
	}{
		{"top level", "name: Asso\naddress: [1 rue A, 75001 Paris]\nphone: 01 23 45 67 89\nemail: a@b.org\nwebsite: https://asso.example.org\n", nil},
		{"under organisation", "organisation:\n  name: Asso\n  address:\n    - 1 rue A\n    - 75001 Paris\n", nil},
		{"name only", "name: Asso\n", nil},
		{"missing name", "phone: 01 23 45 67 89\n", []string{"org.yaml:1:1: name: missing, expected the organisation's name"}},
		{"missing name under organisation", "organisation:\n  phone: 0123\n", []string{"org.yaml:2:3: organisation.name: missing"}},
		{"unknown key", "name: Asso\nadresse: [a]\n", []string{`org.yaml:2:1: adresse: found the unknown key "adresse" ... | hint: did you mean "address"?`}},
		{"other key beside organisation", "organisation: {name: Asso}\nformat: ofiipack/v1\n", []string{`org.yaml:2:1: format: found the unknown key "format", expected organisation`}},
		{"address as text", "name: Asso\naddress: 1 rue A\n", []string{`org.yaml:2:10: address: found "1 rue A", expected a list of address lines`}},
		{"bad email", "name: Asso\nemail: asso\n", []string{`org.yaml:2:8: email: found "asso", expected an email address`}},
		{"emoji", "name: Asso 🌍\n", []string{"org.yaml:1:7: name: found the character \"🌍\" (U+1F30D)"}},
		{"empty", "", []string{"org.yaml:1:1: the file is empty"}},
		{"list", "- a\n", []string{"org.yaml:1:1: found a list, expected a mapping with the keys name, address, phone, email, website"}},
		{"syntax", "name: [Asso\n", []string{"org.yaml:1:1: name: invalid YAML"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			org, err := LoadOrganisation("org.yaml", []byte(tc.yaml))
			checkProblems(t, err, tc.want)
			if err == nil && (org == nil || org.Name != "Asso") {
				t.Fatalf("organisation %+v", org)
			}
		})
	}
	org, err := LoadOrganisation("org.yaml", []byte(tests[0].yaml))
	if err != nil {
		t.Fatal(err)
	}
	want := Organisation{"Asso", []string{"1 rue A", "75001 Paris"}, "01 23 45 67 89", "a@b.org", "https://asso.example.org"}
	if org.Name != want.Name || strings.Join(org.Address, "|") != strings.Join(want.Address, "|") ||
		org.Phone != want.Phone || org.Email != want.Email || org.Website != want.Website {
		t.Errorf("got %+v, want %+v", *org, want)
	}
}

func TestCountryName(t *testing.T) {
	tests := []struct{ code, want string }{
		{"ML", "Mali"},
		{"ml", "Mali"},
		{"SN", "Sénégal"},
		{"CI", "Côte d’Ivoire"},
		{"AF", "Afghanistan"},
		{"VN", "Vietnam"},
		{"CM", "Cameroun"},
		{"XK", "Kosovo"},
		{"XX", ""},
		{"UN", ""},
		{"YU", ""},
		{"MLI", ""},
		{"", ""},
	}
	for _, tc := range tests {
		if got := CountryName(tc.code); got != tc.want {
			t.Errorf("CountryName(%q) = %q, want %q", tc.code, got, tc.want)
		}
	}
}

// TestPolygamyTableCountries: every code of SPEC §2's polygamy table is a
// country the loader accepts, or such an applicant could not be loaded.
func TestPolygamyTableCountries(t *testing.T) {
	codes := "EG IR TZ SD UG IQ SA ML LK TD SO SN SS JO TG LY OM KW QA GM GW SZ KM SB BN EH " +
		"ID BD PH MA SY ZM GN LB GA BT MV BF " +
		"IN PK NG KE DZ AF YE MY CM AE CG SG PS CF MR BH DJ ZA NE MW ZW SL LR NA BW LS"
	for _, c := range strings.Fields(codes) {
		if _, ok := country(c); !ok {
			t.Errorf("%s is refused", c)
		}
	}
}

// TestChecklistIDs: the list matches the checklist table of SPEC §2, when
// the specification is beside the repository.
func TestChecklistIDs(t *testing.T) {
	spec, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "SPEC.md"))
	if err != nil {
		t.Skip("SPEC.md not beside the repository:", err)
	}
	_, rest, ok := strings.Cut(string(spec), "### Checklist items")
	if !ok {
		t.Fatal("SPEC.md has no checklist table")
	}
	rest, _, _ = strings.Cut(rest, "\n### ")
	var ids []string
	row := regexp.MustCompile("(?m)^\\| (`[a-z_]+`(?:, `[a-z_]+`)*) \\|")
	for _, m := range row.FindAllStringSubmatch(rest, -1) {
		for _, id := range strings.Split(m[1], ", ") {
			ids = append(ids, strings.Trim(id, "`"))
		}
	}
	// The renewal's own items are named in SPEC §2 "Renewal", not in the
	// table: they are compared with that section.
	_, renewal, _ := strings.Cut(string(spec), "### Renewal")
	renewal, _, _ = strings.Cut(renewal, "\n### ")
	var first []string
	for _, id := range ChecklistIDs {
		switch id {
		case "current_permit", "renewal_tax", "late_renewal_visa":
			if !strings.Contains(renewal, "`"+id+"`") {
				t.Errorf("renewal item %s is not in SPEC §2 \"Renewal\"", id)
			}
		default:
			first = append(first, id)
		}
	}
	if got, want := strings.Join(first, " "), strings.Join(ids, " "); got != want {
		t.Errorf("ChecklistIDs\n got %s\nwant %s (SPEC §2)", got, want)
	}
}

// TestDecodeNodeBrokenTree: a hand-built tree with holes is reported, not
// a panic.
func TestDecodeNodeBrokenTree(t *testing.T) {
	k := func(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: s, Line: 2, Column: 1} }
	root := &yaml.Node{Kind: yaml.MappingNode, Line: 2, Column: 1, Content: []*yaml.Node{
		k("format"), k(FormatV1),
		k("applicant"), nil,
		nil, k("x"),
		k("procedure"), {Kind: yaml.MappingNode, Content: []*yaml.Node{
			k("ofii_requests"), {Kind: yaml.SequenceNode, Content: []*yaml.Node{nil, {Kind: yaml.AliasNode}}}}},
		k("documents_ready"), {Kind: yaml.SequenceNode, Content: []*yaml.Node{nil}},
		k("odd"),
	}}
	_, err := DecodeNode("rows.csv", root, today)
	checkProblems(t, err, []string{
		"rows.csv: found nothing as a key",
		"rows.csv: procedure.ofii_requests[0]: found an empty item",
		"rows.csv: procedure.ofii_requests[1]: found an empty item",
		"rows.csv: documents_ready[0]: found an empty item",
		"rows.csv:2:1: applicant: found an empty value",
		"rows.csv:2:1: identity: missing",
		"rows.csv:2:1: situation: missing",
	})
}
