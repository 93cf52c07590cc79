package web

import (
	"context"
	"net/http"
	"time"
)

// The server's memory must stay bounded whatever the number of requests
// in flight, the reading and parsing of what they send included, not only
// the rendering (maxRenders). Reading a file of 1 MiB and parsing it takes
// 60 to 400 times its size while the request lasts (the YAML reader's
// node tree, the form's values, the answer): ten such files at once took
// 0.6 GB through /check, 1.6 GB through /open and 3.6 GB through /draft.
// So a POST reserves, before a byte of its body is read, a share of a
// budget as large as its body (Content-Length, or the largest body when
// it does not say), and gives it back once answered: a form post of a
// few kilobytes passes at once beside others, a file of 1 MiB waits until
// it is alone. The connections are bounded too (maxConns), and with them
// the requests waiting.

const (
	// budgetUnit is the share of the budget that a request of at most
	// its size takes: a form post is a few kilobytes.
	budgetUnit = 64 << 10
	// budgetUnits is the budget: the largest body (maxBody), one at a
	// time, or 16 small posts at once.
	budgetUnits = maxBody / budgetUnit
	// maxConns bounds the connections served at once (the browser keeps
	// six or so); more wait to be accepted.
	maxConns = 64
)

// budget is a counted share of memory, taken in units. One request at a
// time gathers its units, so that two large ones never hold half each and
// wait for each other.
type budget struct {
	turn  chan struct{} // held by the request gathering its units
	units chan struct{} // a unit taken is a value in the channel
}

func newBudget(units int) *budget {
	return &budget{turn: make(chan struct{}, 1), units: make(chan struct{}, units)}
}

// take takes n units (at most the budget), waiting for them until ctx is
// done.
func (b *budget) take(ctx context.Context, n int) error {
	n = min(max(n, 1), cap(b.units))
	select {
	case b.turn <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-b.turn }()
	for i := range n {
		select {
		case b.units <- struct{}{}:
		case <-ctx.Done():
			b.give(i)
			return ctx.Err()
		}
	}
	return nil
}

// give gives n units back.
func (b *budget) give(n int) {
	for range min(max(n, 1), cap(b.units)) {
		<-b.units
	}
}

// bounded runs h once the request has its share of the budget: as many
// units as its body may hold.
func (s *Server) bounded(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		size := r.ContentLength
		if size < 0 || size > maxBody {
			size = maxBody // chunked: as large as it may be; larger: refused by readPost
		}
		n := int((size + budgetUnit - 1) / budgetUnit)
		if err := s.budget.take(r.Context(), n); err != nil {
			return // the browser hung up while waiting
		}
		defer s.budget.give(n)
		// The time to read the body and answer starts now, not when
		// the request began to wait.
		rc := http.NewResponseController(w)
		rc.SetReadDeadline(time.Now().Add(readTimeout))
		rc.SetWriteDeadline(time.Now().Add(writeTimeout))
		h(w, r)
	}
}
