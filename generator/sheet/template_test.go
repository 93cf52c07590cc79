package sheet

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestExampleRow: the example row of the templates is the general example,
// flattened.
func TestExampleRow(t *testing.T) {
	row, err := ExampleRow()
	if err != nil {
		t.Fatal(err)
	}
	general, err := os.ReadFile(filepath.Join("..", "..", "examples", "diallo-general.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(general, exampleFile) {
		t.Error("example.yaml differs from examples/diallo-general.yaml: copy it again")
	}
	for _, want := range []string{"DIALLO", "1988-04-12", "administration; bank_statements", "93200",
		"OFII – Service médical; Direction territoriale (exemple); 12 avenue de l'Exemple; 93000 BOBIGNY"} {
		if !slices.Contains(row, want) {
			t.Errorf("example row lacks %q: %q", want, row)
		}
	}
}
