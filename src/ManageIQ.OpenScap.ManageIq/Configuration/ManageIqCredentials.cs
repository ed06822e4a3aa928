namespace ManageIQ.OpenScap.ManageIq.Configuration;

/// <summary>
/// The resolved credentials: options first, then files, then environment. Kept apart from logging and
/// messages; <see cref="Secrets"/> lists the values to scrub from anything the server echoes.
/// </summary>
public sealed class ManageIqCredentials
{
    public const string UserVariable = "MANAGEIQ_USER";
    public const string PasswordVariable = "MANAGEIQ_PASSWORD";
    public const string TokenVariable = "MANAGEIQ_TOKEN";

    private ManageIqCredentials(string? user, string? password, string? token)
    {
        User = user;
        Password = password;
        Token = token;
    }

    public string? User { get; }

    public string? Password { get; }

    public string? Token { get; }

    public bool CanAuthenticate => !string.IsNullOrEmpty(User) && !string.IsNullOrEmpty(Password);

    public IReadOnlyList<string> Secrets => [.. new[] { Password, Token }.OfType<string>().Where(s => s.Length > 0)];

    public static ManageIqCredentials Resolve(ManageIqClientOptions options, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        environment ??= Environment.GetEnvironmentVariable;
        var user = Blank(options.User) ?? Blank(environment(UserVariable));
        var password = Blank(options.Password) ?? ReadFile(options.PasswordFile, "password") ?? Blank(environment(PasswordVariable));
        var token = Blank(options.Token) ?? ReadFile(options.TokenFile, "token") ?? Blank(environment(TokenVariable));
        return new ManageIqCredentials(user, password, token);
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string? ReadFile(string? path, string what)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        try
        {
            return Blank(File.ReadAllText(path).TrimEnd('\r', '\n'));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"The ManageIQ {what} file {path} cannot be read: {e.GetType().Name}", e);
        }
    }

    public override string ToString() => $"ManageIqCredentials {{ User = {User}, Password = {(Password is null ? "none" : "set")}, Token = {(Token is null ? "none" : "set")} }}";
}
