# syntax=docker/dockerfile:1
# Build: the .NET SDK plus Node.js, because the build copies the GOV.UK and MOJ front-end packages from npm.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /source
COPY global.json Directory.Build.props Directory.Packages.props CaseManagement.sln ./
COPY db/ db/
COPY src/ src/
RUN dotnet publish src/CaseManagement.Web/CaseManagement.Web.csproj -c Release -o /app

# Run: the ASP.NET Core runtime only, as a non-root user, listening on 8080.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
RUN mkdir -p /app/data && chown -R app:app /app/data
USER app
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
VOLUME ["/app/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["dotnet", "CaseManagement.Web.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "CaseManagement.Web.dll"]
