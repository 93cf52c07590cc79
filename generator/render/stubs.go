package render

func (d *docData) checklist()       { d.begin("checklist", "Liste") }
func (d *docData) nonPolygamy()     { d.begin("non_polygamy_declaration", "NP") }
func (d *docData) hostAttestation() { d.begin("host_attestation", "H") }
func (d *docData) calendar()        { d.begin("calendar", "C") }
