// n-body, the task of The Computer Language Benchmarks Game
// (https://benchmarksgame-team.pages.debian.net/benchmarksgame/description/nbody.html):
// the Jovian planets orbiting the Sun, advanced n steps of 0.01 with a
// simple symplectic integrator; the energy before and after. Written
// plainly from the task's description, with its constants and output
// format; nbody.py is the same program.
package main

import (
	"fmt"
	"math"
	"os"
	"strconv"
)

const (
	solarMass   = 4 * math.Pi * math.Pi
	daysPerYear = 365.24
)

type Body struct {
	x, y, z, vx, vy, vz, mass float64
}

type System []*Body

func (sys System) offsetMomentum() {
	var px, py, pz float64
	for _, b := range sys {
		px += b.vx * b.mass
		py += b.vy * b.mass
		pz += b.vz * b.mass
	}
	sys[0].vx = -px / solarMass
	sys[0].vy = -py / solarMass
	sys[0].vz = -pz / solarMass
}

func (sys System) energy() float64 {
	e := 0.0
	for i, b := range sys {
		e += 0.5 * b.mass * (b.vx*b.vx + b.vy*b.vy + b.vz*b.vz)
		for _, b2 := range sys[i+1:] {
			dx := b.x - b2.x
			dy := b.y - b2.y
			dz := b.z - b2.z
			e -= b.mass * b2.mass / math.Sqrt(dx*dx+dy*dy+dz*dz)
		}
	}
	return e
}

func (sys System) advance(dt float64) {
	for i, b := range sys {
		for _, b2 := range sys[i+1:] {
			dx := b.x - b2.x
			dy := b.y - b2.y
			dz := b.z - b2.z
			d2 := dx*dx + dy*dy + dz*dz
			mag := dt / (d2 * math.Sqrt(d2))
			b.vx -= dx * b2.mass * mag
			b.vy -= dy * b2.mass * mag
			b.vz -= dz * b2.mass * mag
			b2.vx += dx * b.mass * mag
			b2.vy += dy * b.mass * mag
			b2.vz += dz * b.mass * mag
		}
	}
	for _, b := range sys {
		b.x += dt * b.vx
		b.y += dt * b.vy
		b.z += dt * b.vz
	}
}

func main() {
	n := 1000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	sys := System{
		{0, 0, 0, 0, 0, 0, solarMass}, // Sun
		{ // Jupiter
			4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
			1.66007664274403694e-03 * daysPerYear, 7.69901118419740425e-03 * daysPerYear, -6.90460016972063023e-05 * daysPerYear,
			9.54791938424326609e-04 * solarMass,
		},
		{ // Saturn
			8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
			-2.76742510726862411e-03 * daysPerYear, 4.99852801234917238e-03 * daysPerYear, 2.30417297573763929e-05 * daysPerYear,
			2.85885980666130812e-04 * solarMass,
		},
		{ // Uranus
			1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
			2.96460137564761618e-03 * daysPerYear, 2.37847173959480950e-03 * daysPerYear, -2.96589568540237556e-05 * daysPerYear,
			4.36624404335156298e-05 * solarMass,
		},
		{ // Neptune
			1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
			2.68067772490389322e-03 * daysPerYear, 1.62824170038242295e-03 * daysPerYear, -9.51592254519715870e-05 * daysPerYear,
			5.15138902046611451e-05 * solarMass,
		},
	}
	sys.offsetMomentum()
	fmt.Printf("%.9f\n", sys.energy())
	for i := 0; i < n; i++ {
		sys.advance(0.01)
	}
	fmt.Printf("%.9f\n", sys.energy())
}
