package interp

import "reflect"

// The select statement, as the Go spec defines it: the channel operands and
// the values to send are evaluated once, in source order, before selecting;
// the left-hand sides of a receive's assignment only once that receive is
// selected, and the value sent is converted to the channel's element type.

// commOp returns the parts of the communication of a comm clause: its
// channel expression, the value sent (for a send) and the receive operation
// (for a receive), nil for a default clause.
func commOp(cl *node) (ch, val, recv *node) {
	if cl.kind != commClause || len(cl.child) == 0 {
		return nil, nil, nil
	}
	switch c0 := cl.child[0]; {
	case c0.kind == exprStmt && len(c0.child) == 1 && c0.child[0].action == aRecv:
		recv = c0.child[0]
	case c0.kind == sendStmt:
		return c0.child[0], c0.child[1], nil
	case c0.action == aAssign || c0.action == aAssignX:
		recv = c0.lastChild()
	}
	if recv == nil || recv.action != aRecv {
		return nil, nil, nil
	}
	return recv.child[0], nil, recv
}

// isSelectAssign reports whether the comm clause cl receives into an
// assignment or a short variable declaration.
func isSelectAssign(cl *node) bool {
	if cl.kind != commClause || len(cl.child) == 0 {
		return false
	}
	c0 := cl.child[0]
	return (c0.action == aAssign || c0.action == aAssignX) && c0.lastChild().action == aRecv
}

// wireSelectAssign makes the comm clause cl, which assigns what it receives,
// start with the evaluation of its left-hand sides, then the receive node,
// which takes the value the select received (selectRecv), then the
// assignment. The channel expression, evaluated before the select, is
// skipped.
func wireSelectAssign(cl *node) {
	c0 := cl.child[0]
	r := c0.lastChild()
	for _, d := range c0.child[:len(c0.child)-1] {
		if d.tnext == r.start {
			d.tnext = r
		}
	}
	if c0.start == r.start {
		cl.start = r
	} else {
		cl.start = c0.start
	}
	r.gen = selectRecv
}

// selectRecv is the receive of a selected comm clause that assigns: the
// value and status that the select stored in the clause's frame slots go
// where the receive would have put them.
func selectRecv(n *node) {
	c0 := n.anc
	k := c0.anc.findex
	next := getExec(n.tnext)
	if c0.action == aAssign {
		i, l := n.findex, n.level
		n.exec = func(f *frame) bltn {
			v := f.data[k]
			// A variable's slot is set, so that its address stays its own.
			if d := getFrame(f, l).data[i]; d.CanSet() {
				d.Set(v)
			} else {
				getFrame(f, l).data[i] = v
			}
			return next
		}
		return
	}
	vres := genValue(c0.child[0])
	vok := genValue(c0.child[1])
	// The blank identifier has no frame slot of its own in an assignment.
	if c0.child[0].ident == "_" {
		vres = func(f *frame) reflect.Value { return reflect.New(f.data[k].Type()).Elem() }
	}
	if c0.child[1].ident == "_" {
		vok = func(*frame) reflect.Value { return reflect.New(reflect.TypeOf(false)).Elem() }
	}
	n.exec = func(f *frame) bltn {
		vres(f).Set(f.data[k])
		vok(f).SetBool(f.data[k+1].Bool())
		return next
	}
}

// exitCommClause makes the comm clause n continue after its select once
// its last statement ran, unless that statement jumps elsewhere itself
// (break L, continue, goto, return: a continue ending a clause went on
// after the select).
func exitCommClause(n *node) {
	switch l := n.lastChild(); l.kind {
	case breakStmt, continueStmt, gotoStmt, returnStmt:
	default:
		l.tnext = n.anc.anc // exit node is selectStmt
	}
}

// maxStackCases is the number of cases a select keeps on the stack.
const maxStackCases = 8

func _select(n *node) {
	nbClause := len(n.child)
	dirs := make([]reflect.SelectDir, nbClause)
	clause := make([]bltn, nbClause)
	chanValues := make([]func(*frame) reflect.Value, nbClause)
	sendValues := make([]func(*frame) reflect.Value, nbClause)
	stash := make([]int, nbClause) // frame slots of a received value and status, or -1
	next := getExec(n.tnext)

	for i, cl := range n.child {
		stash[i] = -1
		if cl.kind == commClauseDefault {
			dirs[i] = reflect.SelectDefault
			if len(cl.child) == 0 {
				clause[i] = next
			} else {
				clause[i] = getExec(cl.child[0].start)
			}
			continue
		}
		ch, val, recv := commOp(cl)
		chanValues[i] = genValue(ch)
		switch {
		case recv == nil:
			dirs[i] = reflect.SelectSend
			sendValues[i] = genDestValue(chanElement(ch.typ), val)
		default:
			dirs[i] = reflect.SelectRecv
			if isSelectAssign(cl) {
				stash[i] = cl.findex
			}
		}
		switch {
		case stash[i] >= 0:
			clause[i] = getExec(cl.start)
		case len(cl.child) > 1:
			clause[i] = getExec(cl.child[1].start)
		default:
			clause[i] = next
		}
	}

	n.exec = func(f *frame) bltn {
		// The cases are the frame's own: goroutines run one select at once.
		var buf [maxStackCases]reflect.SelectCase
		var cases []reflect.SelectCase
		if nbClause < maxStackCases {
			cases = buf[:nbClause+1]
		} else {
			cases = make([]reflect.SelectCase, nbClause+1)
		}
		for i, dir := range dirs {
			cases[i].Dir = dir
			switch dir {
			case reflect.SelectRecv:
				cases[i].Chan = chanValues[i](f)
			case reflect.SelectSend:
				cases[i].Chan = chanValues[i](f)
				cases[i].Send = sendValues[i](f)
			}
		}
		f.mutex.RLock()
		cases[nbClause] = f.doneCase()
		f.mutex.RUnlock()

		j, v, ok := reflect.Select(cases)
		if j == nbClause {
			return nil
		}
		if k := stash[j]; k >= 0 {
			f.data[k] = v
			f.data[k+1] = reflect.ValueOf(ok)
		}
		return clause[j]
	}
}
