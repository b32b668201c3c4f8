using Npgsql;

namespace Tinjau.AppHost.Hosting.Servers;

/// <summary>Creates databases on any PostgreSQL server, local or given by a connection string.</summary>
public static class PostgresDatabases
{
    public static async Task EnsureAsync(string serverConnectionString, string database, CancellationToken ct = default)
    {
        var builder = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
        try
        {
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Already there (42P04), or created concurrently.
        }
    }

    /// <summary>The server's connection string with another database.</summary>
    public static string ForDatabase(string serverConnectionString, string database) =>
        new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database }.ConnectionString;
}
