using Marketplace.Host;

if (!TargetArguments.TryParse(args, out var target, out var rest, out var error))
{
    Console.Error.WriteLine(error);
    return 2;
}

var app = MarketplaceApp.Build(target, rest);
await app.RunAsync();
return 0;
