// The yardstick of bench/efficiency.sh: the least work one negotiation action needs, and nothing else. Each request
// validates an ES256 bearer token (issuer, audience, lifetime) and, in one transaction, locks the negotiation's row,
// updates it (state, revision, a ~500-byte history entry appended), inserts a ~1 KB outbox row, commits, and answers
// ~1 KB of JSON. No framework beyond ASP.NET Core's minimal APIs and the ADO.NET driver; no logging per request.
//
//   dotnet Marketplace.Bench.Probe.dll --urls http://127.0.0.1:5600 --Probe:Database postgres --Probe:ConnectionString "Host=..."
//   dotnet Marketplace.Bench.Probe.dll --urls http://127.0.0.1:5600 --Probe:Database sqlite --Probe:ConnectionString "Data Source=/tmp/probe.db"
//
//   POST /token                          a token for the load generator (signed with the probe's own P-256 key)
//   POST /negotiations                   a new negotiation (the "request" action): 201
//   POST /negotiations/{id}/act          the next step (the other five actions): 200
using System.Data.Common;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var postgres = string.Equals(builder.Configuration["Probe:Database"], "postgres", StringComparison.OrdinalIgnoreCase);
var connectionString = builder.Configuration["Probe:ConnectionString"] ?? throw new InvalidOperationException("Probe:ConnectionString is required.");
var app = builder.Build();

var key = new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "probe" };
var tokens = new JsonWebTokenHandler();
var validation = new TokenValidationParameters
{
    ValidIssuer = "http://probe", ValidAudience = "marketplace", IssuerSigningKey = key,
    ValidateIssuer = true, ValidateAudience = true, ValidateLifetime = true, ValidateIssuerSigningKey = true,
};
DbDataSource data = postgres ? NpgsqlDataSource.Create(connectionString) : new SqliteDataSource(connectionString);
// SQLite: one connection at a time, queued in the process as the marketplace's SqliteGate does (otherwise a writer that
// finds the file locked sleeps 150 ms in Microsoft.Data.Sqlite before it retries).
var gate = new SemaphoreSlim(1, 1);
await CreateSchemaAsync();

string[] states = ["REQUESTED", "OFFERED", "ACCEPTED", "AGREED", "VERIFIED", "FINALIZED"];
var note = new string('x', 400);
var padding = new string('p', 560);

app.MapPost("/token", () => Results.Json(new
{
    access_token = tokens.CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "http://probe", Audience = "marketplace", Expires = DateTime.UtcNow.AddHours(2),
        Subject = new ClaimsIdentity([new Claim("sub", "bench"), new Claim("org", Guid.NewGuid().ToString())]),
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
    }),
}));

app.MapPost("/negotiations", async (HttpRequest request, CancellationToken ct) =>
{
    if (await AuthenticateAsync(request) is not { } subject)
    {
        return Results.Unauthorized();
    }

    var id = Guid.CreateVersion7();
    var now = DateTime.UtcNow;
    var entry = Entry(now, subject, states[0]);
    using var turn = await TurnAsync(ct);
    await using var connection = await data.OpenConnectionAsync(ct);
    await using var transaction = await connection.BeginTransactionAsync(ct);
    await ExecuteAsync(connection, transaction, "INSERT INTO probe_negotiations (id, state, revision, history, updated_at) VALUES (@id, @state, 1, @history, @now)",
        ct, ("id", id), ("state", states[0]), ("history", entry), ("now", now));
    await InsertOutboxAsync(connection, transaction, id, states[0], 1, entry, now, ct);
    await transaction.CommitAsync(ct);
    return Results.Json(Answer(id, states[0], 1, entry, now), statusCode: 201);
});

app.MapPost("/negotiations/{id:guid}/act", async (Guid id, HttpRequest request, CancellationToken ct) =>
{
    if (await AuthenticateAsync(request) is not { } subject)
    {
        return Results.Unauthorized();
    }

    var now = DateTime.UtcNow;
    using var turn = await TurnAsync(ct);
    await using var connection = await data.OpenConnectionAsync(ct);
    // SQLite: BEGIN IMMEDIATE takes the write lock up front, as FOR UPDATE does for the row on PostgreSQL.
    await using var transaction = postgres ? await connection.BeginTransactionAsync(ct) : ((SqliteConnection)connection).BeginTransaction(deferred: false);
    string state;
    int revision;
    await using (var select = Command(connection, transaction, $"SELECT state, revision, history FROM probe_negotiations WHERE id = @id{(postgres ? " FOR UPDATE" : "")}", ("id", id)))
    await using (var reader = await select.ExecuteReaderAsync(ct))
    {
        if (!await reader.ReadAsync(ct))
        {
            return Results.NotFound();
        }

        state = reader.GetString(0);
        revision = reader.GetInt32(1);
        _ = reader.GetString(2);
    }

    var next = states[Math.Min(Array.IndexOf(states, state) + 1, states.Length - 1)];
    var entry = Entry(now, subject, next);
    await ExecuteAsync(connection, transaction, "UPDATE probe_negotiations SET state = @state, revision = @revision, history = history || @entry, updated_at = @now WHERE id = @id",
        ct, ("state", next), ("revision", revision + 1), ("entry", entry), ("now", now), ("id", id));
    await InsertOutboxAsync(connection, transaction, id, next, revision + 1, entry, now, ct);
    await transaction.CommitAsync(ct);
    return Results.Json(Answer(id, next, revision + 1, entry, now));
});

app.Run();

async Task<string?> AuthenticateAsync(HttpRequest request)
{
    var header = request.Headers.Authorization.ToString();
    if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
    {
        return null;
    }

    var result = await tokens.ValidateTokenAsync(header["Bearer ".Length..], validation);
    return result.IsValid ? result.ClaimsIdentity.FindFirst("sub")?.Value : null;
}

async Task<IDisposable?> TurnAsync(CancellationToken ct)
{
    if (postgres)
    {
        return null;
    }

    await gate.WaitAsync(ct);
    return new Turn(gate);
}

string Entry(DateTime now, string subject, string state) =>
    JsonSerializer.Serialize(new { at = now, by = subject, state, note });

object Answer(Guid id, string state, int revision, string entry, DateTime now) =>
    new { id, state, revision, updatedAt = now, lastEntry = entry, terms = padding };

Task InsertOutboxAsync(DbConnection connection, DbTransaction transaction, Guid id, string state, int revision, string entry, DateTime now, CancellationToken ct) =>
    ExecuteAsync(connection, transaction, "INSERT INTO probe_outbox (type, body, created_at) VALUES (@type, @body, @now)", ct,
        ("type", "NegotiationStepTaken"), ("body", JsonSerializer.Serialize(new { id, state, revision, entry, padding })), ("now", now));

async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
{
    await using var command = Command(connection, transaction, sql, parameters);
    await command.ExecuteNonQueryAsync(ct);
}

DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
{
    var command = connection.CreateCommand();
    command.CommandText = sql;
    command.Transaction = transaction;
    foreach (var (name, value) in parameters)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    return command;
}

async Task CreateSchemaAsync()
{
    await using var connection = await data.OpenConnectionAsync();
    var sql = postgres
        ? """
          CREATE TABLE IF NOT EXISTS probe_negotiations (id uuid PRIMARY KEY, state text NOT NULL, revision int NOT NULL, history text NOT NULL, updated_at timestamptz NOT NULL);
          CREATE TABLE IF NOT EXISTS probe_outbox (id bigserial PRIMARY KEY, type text NOT NULL, body text NOT NULL, created_at timestamptz NOT NULL, sent_at timestamptz);
          """
        : """
          PRAGMA journal_mode=WAL;
          CREATE TABLE IF NOT EXISTS probe_negotiations (id TEXT PRIMARY KEY, state TEXT NOT NULL, revision INTEGER NOT NULL, history TEXT NOT NULL, updated_at TEXT NOT NULL);
          CREATE TABLE IF NOT EXISTS probe_outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, type TEXT NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL, sent_at TEXT);
          """;
    await using var command = Command(connection, null, sql);
    await command.ExecuteNonQueryAsync();
}

/// <summary>Microsoft.Data.Sqlite has no DbDataSource of its own: connections from its pool, opened.</summary>
internal sealed class SqliteDataSource(string connectionString) : DbDataSource
{
    public override string ConnectionString => connectionString;

    protected override DbConnection CreateDbConnection() => new SqliteConnection(connectionString);
}

internal sealed class Turn(SemaphoreSlim gate) : IDisposable
{
    public void Dispose() => gate.Release();
}
