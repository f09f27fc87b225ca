package kernel

import (
	"bytes"
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
	"golang.org/x/crypto/blake2b"
	"golang.org/x/crypto/blake2s"
)

// ProtocolVersion is the Jupyter messaging protocol version gopar speaks.
const ProtocolVersion = "5.4"

// delimiter separates the routing identities from the signed message.
var delimiter = []byte("<IDS|MSG>")

// maxFrameBytes bounds one incoming message; a larger one is dropped rather
// than parsed (no front end sends cells of that size).
const maxFrameBytes = 64 << 20

// Header is a Jupyter message header.
type Header struct {
	MsgID    string `json:"msg_id"`
	Session  string `json:"session"`
	Username string `json:"username"`
	Date     string `json:"date"`
	MsgType  string `json:"msg_type"`
	Version  string `json:"version"`
}

// Message is one decoded Jupyter message. Content stays raw until a
// handler decodes it into the type it expects.
type Message struct {
	Identities [][]byte
	Header     Header
	Parent     json.RawMessage // the parent header, "{}" when there is none
	Metadata   json.RawMessage
	Content    json.RawMessage
	Buffers    [][]byte
	Signature  []byte // as received; a replayed message repeats it
}

// ParentHeader decodes the parent header (zero when absent).
func (m *Message) ParentHeader() Header {
	var h Header
	_ = json.Unmarshal(m.Parent, &h)
	return h
}

// Signer signs and verifies messages with the connection key (HMAC with
// the connection file's hash, SHA-256 by default). An empty key disables
// signing, as the protocol allows.
type Signer struct {
	key  []byte
	pool sync.Pool
}

// NewSigner returns an HMAC-SHA256 signer for key.
func NewSigner(key string) *Signer {
	s, _ := NewSchemeSigner(key, "hmac-sha256")
	return s
}

// NewSchemeSigner returns a signer for key with a connection file's
// signature_scheme: "hmac-" and the name of a hash in Python's hashlib,
// as jupyter_client accepts them.
func NewSchemeSigner(key, scheme string) (*Signer, error) {
	h, ok := signatureHashes[scheme]
	if !ok {
		return nil, fmt.Errorf("signature scheme %q is not supported (use one of %s)", scheme, strings.Join(SignatureSchemes(), ", "))
	}
	s := &Signer{key: []byte(key)}
	s.pool.New = func() any { return hmac.New(h, s.key) }
	return s, nil
}

// signatureHashes are the hashes of Python's hashlib that HMAC can use,
// which is what jupyter_client's Session accepts as "hmac-NAME".
var signatureHashes = map[string]func() hash.Hash{
	"hmac-md5":      md5.New,
	"hmac-sha1":     sha1.New,
	"hmac-sha224":   sha256.New224,
	"hmac-sha256":   sha256.New,
	"hmac-sha384":   sha512.New384,
	"hmac-sha512":   sha512.New,
	"hmac-sha3_224": func() hash.Hash { return sha3.New224() },
	"hmac-sha3_256": func() hash.Hash { return sha3.New256() },
	"hmac-sha3_384": func() hash.Hash { return sha3.New384() },
	"hmac-sha3_512": func() hash.Hash { return sha3.New512() },
	"hmac-blake2b":  func() hash.Hash { return unkeyed(blake2b.New512) },
	"hmac-blake2s":  func() hash.Hash { return unkeyed(blake2s.New256) },
}

// unkeyed returns BLAKE2 in its plain-hash form (no key, full digest size),
// which is what hashlib.blake2b() and blake2s() are before HMAC wraps them.
func unkeyed(newHash func(key []byte) (hash.Hash, error)) hash.Hash {
	h, err := newHash(nil)
	if err != nil {
		panic(err) // cannot happen: a nil key is always valid
	}
	return h
}

// SignatureSchemes lists the signature schemes the kernel accepts.
func SignatureSchemes() []string {
	out := make([]string, 0, len(signatureHashes))
	for k := range signatureHashes {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Sign returns the hex signature of the four signed frames.
func (s *Signer) Sign(header, parent, metadata, content []byte) []byte {
	if len(s.key) == 0 {
		return nil
	}
	mac := s.pool.Get().(hash.Hash)
	defer s.pool.Put(mac)
	mac.Reset()
	mac.Write(header)
	mac.Write(parent)
	mac.Write(metadata)
	mac.Write(content)
	sum := mac.Sum(nil)
	out := make([]byte, hex.EncodedLen(len(sum)))
	hex.Encode(out, sum)
	return out
}

// verify reports whether sig is the signature of the frames, in constant time.
func (s *Signer) verify(sig, header, parent, metadata, content []byte) bool {
	if len(s.key) == 0 {
		return true
	}
	return hmac.Equal(sig, s.Sign(header, parent, metadata, content))
}

// Errors returned by Decode; the caller logs them and drops the message.
var (
	ErrNoDelimiter  = errors.New("no <IDS|MSG> delimiter")
	ErrShortMessage = errors.New("fewer than five frames after the delimiter")
	ErrBadSignature = errors.New("invalid signature")
	ErrTooLarge     = errors.New("message too large")
)

// Decode parses the frames of one message received on a ROUTER socket and
// checks its signature.
func (s *Signer) Decode(frames [][]byte) (*Message, error) {
	size := 0
	for _, f := range frames {
		size += len(f)
	}
	if size > maxFrameBytes {
		return nil, ErrTooLarge
	}
	i := 0
	for i < len(frames) && !bytes.Equal(frames[i], delimiter) {
		i++
	}
	if i == len(frames) {
		return nil, ErrNoDelimiter
	}
	rest := frames[i+1:]
	if len(rest) < 5 {
		return nil, ErrShortMessage
	}
	sig, header, parent, metadata, content := rest[0], rest[1], rest[2], rest[3], rest[4]
	if !s.verify(sig, header, parent, metadata, content) {
		return nil, ErrBadSignature
	}
	m := &Message{
		Identities: frames[:i],
		Parent:     json.RawMessage(parent),
		Metadata:   json.RawMessage(metadata),
		Content:    json.RawMessage(content),
		Buffers:    rest[5:],
		Signature:  sig,
	}
	if err := json.Unmarshal(header, &m.Header); err != nil {
		return nil, fmt.Errorf("header: %w", err)
	}
	if m.Header.MsgType == "" {
		return nil, errors.New("header has no msg_type")
	}
	if !json.Valid(parent) || !json.Valid(metadata) || !json.Valid(content) {
		return nil, errors.New("a frame is not valid JSON")
	}
	return m, nil
}

// Encode builds the frames of a message: identities, delimiter, signature
// and the four JSON frames.
func (s *Signer) Encode(identities [][]byte, header Header, parent json.RawMessage, metadata, content any) ([][]byte, error) {
	h, err := json.Marshal(header)
	if err != nil {
		return nil, err
	}
	if len(parent) == 0 {
		parent = json.RawMessage("{}")
	}
	md := []byte("{}")
	if metadata != nil {
		if md, err = json.Marshal(metadata); err != nil {
			return nil, err
		}
	}
	c, err := json.Marshal(content)
	if err != nil {
		return nil, err
	}
	frames := make([][]byte, 0, len(identities)+6)
	frames = append(frames, identities...)
	frames = append(frames, delimiter, s.Sign(h, parent, md, c), h, parent, md, c)
	return frames, nil
}

// newHeader returns a fresh header of msgType for this kernel session.
func newHeader(msgType, session string) Header {
	return Header{
		MsgID:    uuid.NewString(),
		Session:  session,
		Username: "gopar",
		Date:     time.Now().UTC().Format("2006-01-02T15:04:05.000000Z07:00"),
		MsgType:  msgType,
		Version:  ProtocolVersion,
	}
}
