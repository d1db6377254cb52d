using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Marketplace.BuildingBlocks.ServiceDefaults;

/// <summary>
/// One line per entry, whatever a client put into a logged value: control characters are escaped
/// (<c>\n</c>, <c>\u0000</c>), so a client id with a newline cannot forge a second line. Scopes print as
/// <c>name=value</c> fields (the correlation id of the request or message among them). The default console
/// format; <c>Logging:Console:FormatterName=json</c> writes JSON lines instead.
/// </summary>
public sealed class TextConsoleFormatter() : ConsoleFormatter(Name)
{
    public new const string Name = "text";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        var line = new StringBuilder(256)
            .Append(DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)).Append(' ')
            .Append(Level(logEntry.LogLevel)).Append(' ')
            .Append(logEntry.Category).Append('[').Append(logEntry.EventId.Id).Append("] ");
        scopeProvider?.ForEachScope((scope, builder) =>
        {
            if (scope is IEnumerable<KeyValuePair<string, object?>> fields)
            {
                foreach (var (key, value) in fields.Where(f => f.Key != "{OriginalFormat}"))
                {
                    Escape(builder.Append(key).Append('='), value?.ToString()).Append(' ');
                }
            }
            else if (scope is not null)
            {
                Escape(builder, scope.ToString()).Append(' ');
            }
        }, line);
        Escape(line, message);
        if (logEntry.Exception is { } exception)
        {
            Escape(line.Append(' '), exception.ToString());
        }

        textWriter.WriteLine(line.ToString());
    }

    private static StringBuilder Escape(StringBuilder builder, string? text)
    {
        foreach (var c in text ?? "")
        {
            _ = c switch
            {
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                _ when char.IsControl(c) => builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        return builder;
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}
