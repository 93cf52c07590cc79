package render

// column of a table.
type column struct {
	Title string
	Width float64
	Align align
}

// cell of a table: a main text, and an optional second text in small
// muted type below it.
type cell struct {
	Text  string
	Style string
	Ink   *rgb // nil: ink
	Sub   string
	Shade *rgb // background, nil: none
}

const cellPad = 1.5

func (c *canvas) cellHeight(col column, cl cell) float64 {
	w := col.Width - 2*cellPad
	h := 0.0
	if cl.Text != "" {
		h += c.paraHeight(w, leadSmall+0.3, sizeSmall+0.5, []span{{cl.Style, cl.Text}})
	}
	if cl.Sub != "" {
		h += c.paraHeight(w, leadTiny, sizeTiny, []span{{styleRegular, cl.Sub}})
	}
	return h
}

// rowHeight is the height of one row of a table.
func (c *canvas) rowHeight(cols []column, row []cell) float64 {
	h := 0.0
	for j, cl := range row {
		h = max(h, c.cellHeight(cols[j], cl))
	}
	return h + 2*cellPad
}

// headerCells are a table's column titles as a row.
func headerCells(cols []column) []cell {
	titles := make([]cell, len(cols))
	for i, col := range cols {
		titles[i] = cell{Text: col.Title, Style: styleBold}
	}
	return titles
}

// tableStartRow is the height of a table's header and first row: what a
// heading keeps with it, so that no heading stands alone at a page's foot.
func (c *canvas) tableStartRow(cols []column, first []cell) float64 {
	return c.rowHeight(cols, headerCells(cols)) + c.rowHeight(cols, first)
}

// table draws a table at the cursor, starting a new page (and repeating
// the header row) when a row does not fit.
func (c *canvas) table(cols []column, rows [][]cell) {
	c.tableRows(cols, len(rows), func(i int) []cell { return rows[i] })
}

// tableRows is table with n rows made one at a time by row, so that a
// table of thousands of rows (a week of a large caseload) is never held
// whole. The cells row returns need only last until its next call.
func (c *canvas) tableRows(cols []column, n int, row func(i int) []cell) {
	total := 0.0
	for _, col := range cols {
		total += col.Width
	}
	titles := headerCells(cols)
	header := func() {
		h := c.rowHeight(cols, titles)
		c.setFill(colShade)
		c.rect(marginLeft, c.y, total, h, "F")
		x := marginLeft
		for _, col := range cols {
			c.setInk(colInk)
			c.paraAt(x+cellPad, c.y+cellPad, col.Width-2*cellPad, leadSmall+0.3, sizeSmall+0.5, col.Align, span{styleBold, col.Title})
			x += col.Width
		}
		c.y += h
	}
	for i := range n {
		row := row(i)
		h := c.rowHeight(cols, row)
		if i == 0 { // the header and the first row together: tableStartRow
			c.need(c.rowHeight(cols, titles) + h)
			header()
		} else if c.y+h > contentBottom {
			c.newPage()
			header()
		}
		x := marginLeft
		for j, cl := range row {
			col := cols[j]
			if cl.Shade != nil {
				c.setFill(*cl.Shade)
				c.rect(x, c.y, col.Width, h, "F")
			}
			ink := colInk
			if cl.Ink != nil {
				ink = *cl.Ink
			}
			c.setInk(ink)
			y := c.y + cellPad
			if cl.Text != "" {
				y += c.paraAt(x+cellPad, y, col.Width-2*cellPad, leadSmall+0.3, sizeSmall+0.5, col.Align, span{cl.Style, cl.Text})
			}
			if cl.Sub != "" {
				c.setInk(colMuted)
				c.paraAt(x+cellPad, y, col.Width-2*cellPad, leadTiny, sizeTiny, col.Align, span{styleRegular, cl.Sub})
			}
			x += col.Width
		}
		c.setInk(colInk)
		c.y += h
		c.setDraw(colRule)
		c.hline(marginLeft, marginLeft+total, c.y)
	}
}
