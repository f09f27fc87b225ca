package kernel

import (
	"bytes"
	"crypto/hmac"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"testing"
)

// Fuzzing the wire format: whatever arrives on a socket, Decode returns a
// message or an error, never panics, and only returns messages that are
// signed with the key and well formed. The seed corpus in
// testdata/fuzz/FuzzDecode holds messages as jupyter_client sends them;
// plain `go test` replays it, `go test -fuzz FuzzDecode` explores from it.
//
// The fuzzer picks the four signed frames, a key, some extra bytes and a
// mode: the low two bits choose the signature (0 the right one, 1 the right
// one with a character changed, 2 the extra bytes, 3 no structure at all:
// the extra bytes split at newlines are the whole message); bit 2 adds
// routing identities, bit 3 a binary buffer, bit 4 drops the last frame.
func FuzzDecode(f *testing.F) {
	f.Add("key", []byte(`{"msg_id":"1","msg_type":"kernel_info_request","session":"s","username":"u","date":"","version":"5.4"}`),
		[]byte(`{}`), []byte(`{}`), []byte(`{}`), []byte(nil), uint8(0))
	f.Add("key", []byte(`{"msg_type":"execute_request"}`), []byte(`{}`), []byte(`{}`), []byte(`{"code":"1+1"}`), []byte("x"), uint8(1))
	f.Add("", []byte(`{"msg_type":"execute_request"}`), []byte(`null`), []byte(`[]`), []byte(`"s"`), []byte("sig"), uint8(2|4|8))
	f.Add("k", []byte(`{"msg_type":""}`), []byte(`{`), []byte(`{}`), []byte(`{}`), []byte("a\n<IDS|MSG>\nb\nc"), uint8(3))
	f.Add("k", []byte(`{"msg_type":"x"}`), []byte(`{}`), []byte(`{}`), []byte(`{}`), []byte(nil), uint8(16))
	f.Fuzz(func(t *testing.T, key string, header, parent, metadata, content, extra []byte, mode uint8) {
		s := NewSigner(key)
		goodSig := s.Sign(header, parent, metadata, content)
		var frames [][]byte
		if mode&4 != 0 {
			frames = append(frames, []byte("router-id"), extra)
		}
		sig := goodSig
		switch mode & 3 {
		case 1:
			sig = corrupt(goodSig, extra)
		case 2:
			sig = extra
		}
		frames = append(frames, delimiter, sig, header, parent, metadata, content)
		if mode&8 != 0 {
			frames = append(frames, extra)
		}
		if mode&3 == 3 {
			frames = bytes.Split(extra, []byte("\n"))
		}
		if mode&16 != 0 {
			frames = frames[:len(frames)-1]
		}

		m, err := s.Decode(frames)

		if err == nil {
			checkDecoded(t, s, key, frames, m)
			checkRoundTrip(t, s, m)
		}
		if mode&3 == 3 || (mode&4 != 0 && bytes.Equal(extra, delimiter)) {
			return // the frames are not laid out as planned: nothing more to expect
		}
		short := mode&16 != 0 && mode&8 == 0
		switch {
		case short:
			if !errors.Is(err, ErrShortMessage) {
				t.Fatalf("a message with four frames after the delimiter gave %v", err)
			}
		case mode&3 == 1 && key != "":
			if !errors.Is(err, ErrBadSignature) {
				t.Fatalf("a changed signature gave %v", err)
			}
		case mode&3 == 0 && mode&4 == 0:
			// Rightly signed: accepted exactly when the frames are well formed.
			var h Header
			wellFormed := json.Unmarshal(header, &h) == nil && h.MsgType != "" &&
				json.Valid(parent) && json.Valid(metadata) && json.Valid(content)
			if wellFormed != (err == nil) {
				t.Fatalf("well formed: %v, but Decode gave %v", wellFormed, err)
			}
		}
	})
}

// corrupt returns sig with one hex digit changed (chosen by pick).
func corrupt(sig, pick []byte) []byte {
	if len(sig) == 0 {
		return []byte("00")
	}
	out := slices.Clone(sig)
	i := 0
	if len(pick) > 0 {
		i = int(pick[0]) % len(out)
	}
	if out[i] == '0' {
		out[i] = '1'
	} else {
		out[i] = '0'
	}
	return out
}

// checkDecoded checks what Decode promises about a message it accepted.
func checkDecoded(t *testing.T, s *Signer, key string, frames [][]byte, m *Message) {
	t.Helper()
	d := slices.IndexFunc(frames, func(f []byte) bool { return bytes.Equal(f, delimiter) })
	if d < 0 || len(frames) < d+6 {
		t.Fatalf("accepted a message without a delimiter and five frames: %q", frames)
	}
	if len(m.Identities) != d || len(m.Buffers) != len(frames)-d-6 {
		t.Fatalf("identities %d, buffers %d, from %d frames with the delimiter at %d", len(m.Identities), len(m.Buffers), len(frames), d)
	}
	rest := frames[d+1:]
	if key != "" && !hmac.Equal(rest[0], s.Sign(rest[1], rest[2], rest[3], rest[4])) {
		t.Fatalf("accepted a wrong signature %q", rest[0])
	}
	if m.Header.MsgType == "" {
		t.Fatalf("accepted a header without msg_type: %q", rest[1])
	}
	for _, raw := range []json.RawMessage{m.Parent, m.Metadata, m.Content} {
		if !json.Valid(raw) {
			t.Fatalf("accepted a frame that is not JSON: %q", raw)
		}
	}
}

// checkRoundTrip encodes an accepted message again and decodes it: the
// kernel must be able to send back whatever it accepted.
func checkRoundTrip(t *testing.T, s *Signer, m *Message) {
	t.Helper()
	frames, err := s.Encode(m.Identities, m.Header, m.Parent, m.Metadata, m.Content)
	if err != nil {
		t.Fatalf("cannot encode an accepted message: %v", err)
	}
	m2, err := s.Decode(frames)
	if err != nil {
		t.Fatalf("cannot decode what Encode made of an accepted message: %v", err)
	}
	if m2.Header != m.Header {
		t.Fatalf("header changed in a round trip: %+v, then %+v", m.Header, m2.Header)
	}
	if !slices.EqualFunc(m2.Identities, m.Identities, bytes.Equal) {
		t.Fatalf("identities changed in a round trip")
	}
	if !sameJSON(m.Content, m2.Content) || !sameJSON(m.Metadata, m2.Metadata) {
		t.Fatalf("content changed in a round trip: %s, then %s", m.Content, m2.Content)
	}
}

// sameJSON reports whether two JSON texts hold the same value (Encode may
// compact them and escape HTML characters).
func sameJSON(a, b []byte) bool {
	va, errA := decodeJSON(a)
	vb, errB := decodeJSON(b)
	return errA == nil && errB == nil && reflect.DeepEqual(va, vb)
}

func decodeJSON(b []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	err := d.Decode(&v)
	return v, err
}
