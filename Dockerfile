# A workshop server, or a Binder: Jupyter Notebook from Debian's packages,
# gopar with its kernelspec, the lessons, and Go and gcc, so that every
# lesson runs, %%native and episode 9's C included.
#
#   docker build -t gopar .
#   docker run --rm -p 8888:8888 gopar     # then open the URL it prints
#
# gopar is built with cgo here (the C kernels of episode 9), and the image
# keeps the very toolchain it was built with, so %%native loads its builds
# as plugins.
ARG GO_VERSION=1.26

FROM golang:${GO_VERSION}-trixie AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG GOPAR_VERSION=container
RUN go build -trimpath -ldflags "-X main.version=${GOPAR_VERSION}" -o /out/gopar .

FROM debian:trixie
RUN apt-get update \
	&& apt-get install -y --no-install-recommends jupyter-notebook gcc libc6-dev ca-certificates git \
	&& rm -rf /var/lib/apt/lists/*
COPY --from=build /usr/local/go /usr/local/go
ENV PATH=/usr/local/go/bin:$PATH
COPY --from=build /out/gopar /usr/local/bin/gopar
RUN gopar install --prefix /usr/local

# Binder runs the image as this user (uid 1000), with the lessons as its
# working directory.
ARG NB_USER=jovyan
ARG NB_UID=1000
RUN useradd --create-home --uid ${NB_UID} ${NB_USER}
COPY --chown=${NB_UID} lessons/*.ipynb /home/${NB_USER}/lessons/
COPY --chown=${NB_UID} lessons/data /home/${NB_USER}/lessons/data/
USER ${NB_USER}
WORKDIR /home/${NB_USER}/lessons
EXPOSE 8888
CMD ["jupyter-notebook", "--ip=0.0.0.0", "--port=8888", "--no-browser"]
