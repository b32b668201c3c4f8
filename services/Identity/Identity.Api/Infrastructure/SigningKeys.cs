using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;

namespace Tinjau.Identity.Api.Infrastructure;

/// <summary>
/// The RSA keys that sign tokens (and encrypt the server's own codes and refresh tokens).
/// In Development they are generated once into <c>Identity:KeysPath</c> (default: the repository's
/// git-ignored <c>.state/identity-keys</c>) so tokens survive restarts. Elsewhere they come from
/// configuration: <c>Identity:SigningKey:Pem</c> / <c>:PemPath</c> / <c>:CertificatePath</c> (+ <c>:CertificatePassword</c>),
/// likewise <c>Identity:EncryptionKey:*</c>. Keys are never committed.
/// </summary>
public static class SigningKeys
{
    public const string SigningFile = "signing-key.pem";
    public const string EncryptionFile = "encryption-key.pem";

    public static string KeysPath(IConfiguration configuration, IHostEnvironment environment) =>
        configuration["Identity:KeysPath"] is { Length: > 0 } path
            ? Path.GetFullPath(path, environment.ContentRootPath)
            : Path.GetFullPath(Path.Combine(environment.ContentRootPath, "..", "..", "..", ".state", "identity-keys"));

    public static (SecurityKey Signing, SecurityKey Encryption) Load(IConfiguration configuration, IHostEnvironment environment)
    {
        var signing = FromConfiguration(configuration.GetSection("Identity:SigningKey"), environment);
        var encryption = FromConfiguration(configuration.GetSection("Identity:EncryptionKey"), environment);
        if (signing is not null && encryption is not null)
        {
            return (signing, encryption);
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                "Identity:SigningKey and Identity:EncryptionKey must be configured outside Development (Pem, PemPath or CertificatePath).");
        }

        var folder = KeysPath(configuration, environment);
        return (signing ?? LoadOrCreate(Path.Combine(folder, SigningFile)), encryption ?? LoadOrCreate(Path.Combine(folder, EncryptionFile)));
    }

    /// <summary>Reads (or, the first time, creates) an RSA private key in PEM at <paramref name="path"/>.</summary>
    public static RsaSecurityKey LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var rsa = RSA.Create(2048);
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllText(temporary, rsa.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary); // another instance created it first: use theirs
            }
        }

        return FromPem(File.ReadAllText(path));
    }

    public static RsaSecurityKey FromPem(string pem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        var key = new RsaSecurityKey(rsa);
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }

    private static SecurityKey? FromConfiguration(IConfigurationSection section, IHostEnvironment environment)
    {
        if (section["Pem"] is { Length: > 0 } pem)
        {
            return FromPem(pem);
        }

        if (section["PemPath"] is { Length: > 0 } pemPath)
        {
            return FromPem(File.ReadAllText(Path.GetFullPath(pemPath, environment.ContentRootPath)));
        }

        if (section["CertificatePath"] is { Length: > 0 } certificatePath)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(
                Path.GetFullPath(certificatePath, environment.ContentRootPath), section["CertificatePassword"]);
            return new X509SecurityKey(certificate);
        }

        return null;
    }
}
