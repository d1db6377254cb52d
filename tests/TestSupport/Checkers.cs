using System.Diagnostics;

namespace Marketplace.TestSupport;

/// <summary>
/// Runs checkers the project did not write — a JSON-LD processor, Redocly's OpenAPI linter, ajv, a SHACL engine —
/// installed from npm by scripts/test.sh into tests/checkers, with no network: standards are read from standards/.
/// </summary>
public static class Checkers
{
    public static string Folder => Path.Combine(TestServices.RepositoryRoot, "tests", "checkers");

    public static string Standards => Path.Combine(TestServices.RepositoryRoot, "standards");

    /// <summary>Runs <c>node</c> with the arguments in tests/checkers, <paramref name="input"/> on stdin; returns exit code and output.</summary>
    public static (int ExitCode, string Output, string Errors) Node(string? input, params string[] arguments)
    {
        using var process = Process.Start(NodeStart(arguments))!;
        process.StandardInput.Write(input ?? "");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, errors);
    }

    /// <summary>How <c>node</c> is started on a checker in tests/checkers: its three streams redirected.</summary>
    private static ProcessStartInfo NodeStart(params string[] arguments)
    {
        Assert.True(Directory.Exists(Path.Combine(Folder, "node_modules")),
            $"The checkers are not installed: run `npm ci --prefix {Folder}` (scripts/test.sh does).");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>
    /// A checker that answers one line of JSON per line it reads, kept running for the test process (started on first
    /// use; it ends when the process closes its input at exit). One caller at a time.
    /// </summary>
    public sealed class Session(string script)
    {
        private readonly Lock _gate = new();
        private readonly System.Text.StringBuilder _errors = new();
        private Process? _process;

        /// <summary>Sends <paramref name="line"/> (JSON without line breaks) and returns the checker's one-line answer.</summary>
        public string Ask(string line)
        {
            lock (_gate)
            {
                if (_process is null || _process.HasExited)
                {
                    _process = Start();
                }

                _process.StandardInput.WriteLine(line);
                _process.StandardInput.Flush();
                var answer = _process.StandardOutput.ReadLine();
                if (answer is null)
                {
                    _process.WaitForExit();
                    string errors;
                    lock (_errors)
                    {
                        errors = _errors.ToString();
                    }

                    Assert.Fail($"{script} stopped (exit code {_process.ExitCode}): {errors}");
                }

                return answer!;
            }
        }

        private Process Start()
        {
            var process = new Process { StartInfo = NodeStart(script) };
            process.ErrorDataReceived += (_, e) =>
            {
                lock (_errors)
                {
                    _errors.AppendLine(e.Data);
                }
            };
            process.Start();
            process.BeginErrorReadLine();
            return process;
        }
    }
}
