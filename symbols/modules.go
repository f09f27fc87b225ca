package symbols

// Modules cells import by their own paths without a Go toolchain: x/sync's
// errgroup, semaphore and singleflight, the idiomatic tools for bounded
// parallel work, and gonum's numeric packages (with the packages their APIs
// hand out, such as blas64 from mat.Dense.RawMatrix), which a course uses
// where Python would use NumPy and SciPy.

//go:generate go run github.com/gopar/gopar/internal/gensymbols -o x_sync_errgroup.go golang.org/x/sync/errgroup golang.org/x/sync/errgroup
//go:generate go run github.com/gopar/gopar/internal/gensymbols -o x_sync_semaphore.go golang.org/x/sync/semaphore golang.org/x/sync/semaphore
//go:generate go run github.com/gopar/gopar/internal/gensymbols -o x_sync_singleflight.go golang.org/x/sync/singleflight golang.org/x/sync/singleflight
//go:generate go run github.com/gopar/gopar/internal/gensymbols -o gonum_mat.go gonum.org/v1/gonum/mat gonum.org/v1/gonum/mat
//go:generate go run github.com/gopar/gopar/internal/gensymbols -o gonum_floats.go gonum.org/v1/gonum/floats gonum.org/v1/gonum/floats
//go:generate go run github.com/gopar/gopar/internal/gensymbols -o gonum_floats_scalar.go gonum.org/v1/gonum/floats/scalar gonum.org/v1/gonum/floats/scalar
//go:generate go run github.com/gopar/gopar/internal/gensymbols -o gonum_stat.go gonum.org/v1/gonum/stat gonum.org/v1/gonum/stat
//go:generate go run github.com/gopar/gopar/internal/gensymbols -o gonum_stat_distuv.go gonum.org/v1/gonum/stat/distuv gonum.org/v1/gonum/stat/distuv
//go:generate go run github.com/gopar/gopar/internal/gensymbols -o gonum_blas.go gonum.org/v1/gonum/blas gonum.org/v1/gonum/blas
//go:generate go run github.com/gopar/gopar/internal/gensymbols -o gonum_blas_blas64.go gonum.org/v1/gonum/blas/blas64 gonum.org/v1/gonum/blas/blas64
