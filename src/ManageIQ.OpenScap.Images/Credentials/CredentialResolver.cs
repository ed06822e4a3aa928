namespace ManageIQ.OpenScap.Images.Credentials;

/// <summary>Collects the credentials to try for a reference: the user name and password file first, then each Docker config file's.</summary>
internal static class CredentialResolver
{
    public static IReadOnlyList<RegistryCredential> Resolve(ImageAcquisitionRequest request, ImageReference reference)
    {
        var result = new List<RegistryCredential>();
        if (!string.IsNullOrEmpty(request.Username))
        {
            if (string.IsNullOrEmpty(request.PasswordFile))
            {
                throw new InvalidDataException("a user name was given without a password file");
            }

            result.Add(new RegistryCredential(request.Username, ReadPassword(request.PasswordFile), "the user name and password file"));
        }

        foreach (var file in request.DockerConfigFiles)
        {
            if (!File.Exists(file))
            {
                throw new InvalidDataException($"Docker config file '{file}' does not exist");
            }

            result.AddRange(DockerConfigReader.Read(file, reference));
        }

        return result;
    }

    private static string ReadPassword(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"password file '{path}' does not exist");
        }

        // Secrets are often written with a trailing newline.
        return File.ReadAllText(path).TrimEnd('\r', '\n');
    }
}
