using CaseManagement.Application.Common.Behaviours;
using CaseManagement.Application.Matching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the mediator, its handlers and behaviours, and the validators.
    /// MediatR 5.1 has no DI package here (see docs/decisions/0002), so handlers are found with Scrutor.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration)
    {
        // One message per field, as the GOV.UK error pattern asks: a rule stops at its first failure.
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;

        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.Scan(scan => scan
            .FromAssemblyOf<ICommandMarker>()
            .AddClasses(c => c.AssignableTo(typeof(IRequestHandler<,>)), publicOnly: false).AsImplementedInterfaces().WithScopedLifetime()
            .AddClasses(c => c.AssignableTo(typeof(IValidator<>)).Where(IsBuiltOnce), publicOnly: false).AsImplementedInterfaces().WithSingletonLifetime()
            .AddClasses(c => c.AssignableTo(typeof(IValidator<>)).Where(t => !IsBuiltOnce(t)), publicOnly: false).AsImplementedInterfaces().WithScopedLifetime());

        // Order matters: the first registered runs outermost (architecture.md).
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TransactionBehaviour<,>));

        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(MatchingSettings.From(configuration)));
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(Reminders.ReminderSettings.From(configuration)));
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(Partners.WebhookSettings.From(configuration)));
        services.AddScoped<Common.Security.ActingUser>();
        services.AddScoped<ChildMatcher>();
        services.AddScoped<ReferralIntake>();
        // The API replaces it with the Idempotency-Key's record (decision 0075).
        services.AddScoped<IAnswerKeeper, NoAnswerKeeper>();
        services.AddSingleton<Matching.Parameters.ActiveMatchParameters>();
        services.AddSingleton<Organisation.TeamNames>();

        return services;
    }

    /// <summary>
    /// Whether a validator is built once for the app, not for every request (decision 0111): a validator holds nothing
    /// between validations, so one whose constructor takes only the clock or settings (singletons themselves) serves
    /// every request; one that takes the database or the person sending stays per request, so it never reads another
    /// request's. Building a validator compiles and parses every rule's expression.
    /// </summary>
    internal static bool IsBuiltOnce(Type validator) =>
        validator.GetConstructors().All(c => c.GetParameters().All(p =>
            p.ParameterType == typeof(TimeProvider)
            || (p.ParameterType.IsGenericType && p.ParameterType.GetGenericTypeDefinition() == typeof(Microsoft.Extensions.Options.IOptions<>))));
}
