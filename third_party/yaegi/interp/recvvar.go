package interp

import "reflect"

// isRecvIntoVar reports whether the receive n writes straight into the
// frame slot of a variable (x = <-c, x := <-c) or of a result (return <-c).
func isRecvIntoVar(n *node) bool {
	a := n.anc
	if n.fnext != nil || a == nil {
		return false
	}
	if a.kind == returnStmt {
		return true
	}
	if a.action != aAssign || (a.kind != assignStmt && a.kind != defineStmt) || len(a.child) != 2 || a.child[1] != n {
		return false
	}
	d := a.child[0]
	return d.kind == identExpr && d.findex == n.findex && d.level == n.level
}

// recvIntoVar is a receive into a variable's or a result's slot. The slot
// is set, not replaced by the value received, which is not addressable: &x
// or x.f = 1 after x = <-c panicked (reflect.Value.Addr of unaddressable
// value), and so did return <-c, which sets the result slot again.
func recvIntoVar(n *node, value func(*frame) reflect.Value, tnext bltn) {
	i, l := n.findex, n.level
	set := func(f *frame, v reflect.Value) {
		s := getFrame(f, l).data
		if d := s[i]; d.CanSet() {
			d.Set(v)
		} else {
			s[i] = v
		}
	}
	if !n.interp.cancelChan {
		n.exec = func(f *frame) bltn {
			v, _ := value(f).Recv()
			set(f, v)
			return tnext
		}
		return
	}
	n.exec = func(f *frame) bltn {
		// Fast: channel read doesn't block
		ch := value(f)
		if v, ok := ch.TryRecv(); ok {
			set(f, v)
			return tnext
		}
		// Slow: channel read blocks, allow cancel
		f.mutex.RLock()
		done := f.doneCase()
		f.mutex.RUnlock()
		chosen, v, _ := reflect.Select([]reflect.SelectCase{done, {Dir: reflect.SelectRecv, Chan: ch}})
		if chosen == 0 {
			return nil
		}
		set(f, v)
		return tnext
	}
}
