using System.ComponentModel.DataAnnotations;

namespace PolicyTracker.Web.Accounts;

public sealed record SignInForm
{
    [Required(ErrorMessage = "Enter your e-mail address."), EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [Display(Name = "E-mail")]
    public string Email { get; init; } = "";

    [Required(ErrorMessage = "Enter your password."), DataType(DataType.Password)]
    public string Password { get; init; } = "";

    [Display(Name = "Keep me signed in")]
    public bool RememberMe { get; init; }

    public string? ReturnUrl { get; init; }
}

public sealed record PasswordForm
{
    [Required(ErrorMessage = "Enter your current password."), DataType(DataType.Password), Display(Name = "Current password")]
    public string CurrentPassword { get; init; } = "";

    [Required(ErrorMessage = "Enter a new password."), DataType(DataType.Password), Display(Name = "New password")]
    [StringLength(200, MinimumLength = 10, ErrorMessage = "Use at least 10 characters.")]
    public string NewPassword { get; init; } = "";
}

public sealed record TokenForm
{
    [StringLength(100)]
    public string? Name { get; init; }

    [Display(Name = "Read-only")]
    public bool ReadOnly { get; init; }
}

public sealed record SetupForm
{
    public string Token { get; init; } = "";

    [Required(ErrorMessage = "Enter your e-mail address."), EmailAddress(ErrorMessage = "Enter a valid e-mail address."), Display(Name = "E-mail")]
    public string Email { get; init; } = "";

    [Display(Name = "Display name")]
    [StringLength(100)]
    public string? DisplayName { get; init; }

    [Required(ErrorMessage = "Choose a password."), DataType(DataType.Password)]
    [StringLength(200, MinimumLength = 10, ErrorMessage = "Use at least 10 characters.")]
    public string Password { get; init; } = "";
}

public sealed record NewUserForm
{
    [Required(ErrorMessage = "Enter an e-mail address."), EmailAddress(ErrorMessage = "Enter a valid e-mail address."), Display(Name = "E-mail")]
    public string Email { get; init; } = "";

    [StringLength(100), Display(Name = "Display name")]
    public string? DisplayName { get; init; }

    [Required]
    public string Role { get; init; } = Roles.Analyst;
}

/// <summary>A token just created: its secret is shown this once.</summary>
public sealed record NewToken(string Name, string Secret);

public sealed record ProfilePage(string Email, string DisplayName, string Role, IReadOnlyList<AccessToken> Tokens, NewToken? Created, string? Message);
