namespace ManageIQ.OpenScap.ManageIq.Emulator.Auth;

/// <summary>The first collection action that names a feature (<c>CollectionConfig#what_refers_to_feature</c>).</summary>
internal sealed record ProductFeatureAction(string Name, string Method, string Collection);
