using System.Reflection;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Bridge.Tests.Logging;

/// <summary>
/// One event id, one message, across the whole product: a log query by id must never mix two messages. Every
/// project under src/ is loaded (this test project references them all) and its [LoggerMessage] methods compared.
/// </summary>
public sealed class LogEventIdTests
{
    [Test]
    public void LoggerMessages_InEverySourceProject_HaveDistinctExplicitEventIds()
    {
        var projects = Directory.EnumerateFiles(RepositoryRoot.Combine("src"), "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal)
            .ToList();
        var messages = projects.SelectMany(project => LoggerMessages(Load(project!))).ToList();

        var withoutId = messages.Where(m => m.EventId <= 0).Select(m => m.Method);
        var shared = messages.GroupBy(m => m.EventId).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Method))}");

        Assert.That(projects, Has.Count.GreaterThanOrEqualTo(8), "the src/ projects were found");
        Assert.That(messages.Select(m => m.Method.Split(':')[0]).Distinct().Count(), Is.GreaterThanOrEqualTo(6), "the projects that log were all read");
        Assert.That(withoutId, Is.Empty, "every [LoggerMessage] names its EventId");
        Assert.That(shared, Is.Empty, "event ids used by more than one [LoggerMessage]");
    }

    private static Assembly Load(string project)
    {
        try
        {
            return Assembly.Load(new AssemblyName(project));
        }
        catch (FileNotFoundException e)
        {
            Assert.Fail($"src project {project} is not referenced by {typeof(LogEventIdTests).Assembly.GetName().Name}: add a ProjectReference so its log event ids are checked ({e.Message})");
            throw;
        }
    }

    private static IEnumerable<(int EventId, string Method)> LoggerMessages(Assembly assembly) =>
        from type in assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        let attribute = method.GetCustomAttribute<LoggerMessageAttribute>()
        where attribute is not null
        select (attribute.EventId, $"{assembly.GetName().Name}: {type.FullName}.{method.Name}");
}
