# The portal image used by docker-compose.yml.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o /out/hoptac ./cmd/hoptac

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/hoptac /usr/local/bin/hoptac
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/hoptac"]
CMD ["serve"]
