package worker

// ListEdit turns the list of strings the kernel last heard of into the
// worker's current one: the first Keep and the last KeepTail entries stay,
// Add goes between them. A cell that declares one thing in a long session
// sends that thing, not the session's every declaration again.
type ListEdit struct {
	Keep     int      `json:"keep"`
	Add      []string `json:"add,omitempty"`
	KeepTail int      `json:"keep_tail"`
}

// Diff is the edit from old to new.
func Diff(old, new []string) ListEdit {
	keep := 0
	for keep < len(old) && keep < len(new) && old[keep] == new[keep] {
		keep++
	}
	tail := 0
	for tail < len(old)-keep && tail < len(new)-keep && old[len(old)-1-tail] == new[len(new)-1-tail] {
		tail++
	}
	return ListEdit{Keep: keep, Add: new[keep : len(new)-tail], KeepTail: tail}
}

// Apply makes the new list from old, which must be the list the edit was
// made from; ok is false when it cannot be (it is shorter than what the
// edit keeps).
func (e ListEdit) Apply(old []string) (list []string, ok bool) {
	if e.Keep < 0 || e.KeepTail < 0 || e.Keep+e.KeepTail > len(old) {
		return nil, false
	}
	out := make([]string, 0, e.Keep+len(e.Add)+e.KeepTail)
	out = append(out, old[:e.Keep]...)
	out = append(out, e.Add...)
	return append(out, old[len(old)-e.KeepTail:]...), true
}
