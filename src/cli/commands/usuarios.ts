import type { Command } from 'commander';
import { InputError } from '../../errors.ts';
import { ROLES, addPerson, listPeople, parseRole, removePerson, setPassword } from '../../people/index.ts';
import { type Registry, RegistryError, openRegistry, resolveRegistryPath } from '../../publish/index.ts';
import type { CommandContext } from '../command-context.ts';
import { ExitCode } from '../exit-codes.ts';
import { DATOS_OPTION, listSubcommandsByUsage } from '../spanish-help.ts';

interface UsuariosOptions {
  readonly datos?: string;
}

/**
 * `boletin usuarios agregar|listar|quitar|contrasena`: the accounts of the download page. The password is
 * read from the first line of standard input, so it never appears in the shell's history or `ps`.
 */
export function registerUsuarios(program: Command, context: CommandContext): void {
  const usuarios = program
    .command('usuarios')
    .usage('[opciones] <comando>')
    .description('administra las cuentas del portal de descargas (roles: redacción, titular, consulta)')
    .option(...DATOS_OPTION);
  listSubcommandsByUsage(usuarios, program);

  usuarios
    .command('agregar')
    .usage('<usuario> --nombre "Nombre Apellido" --rol <rol>  (la contraseña, por la entrada estándar)')
    .description('crea una cuenta; la contraseña se lee de la primera línea de la entrada estándar')
    .argument('<usuario>', 'minúsculas y cifras, por ejemplo mgarcia')
    .requiredOption('--nombre <nombre>', 'nombre completo: queda registrado junto a cada aprobación')
    .requiredOption('--rol <rol>', `uno de: ${ROLES.join(', ')}`)
    .action(async (usuario: string, options: { nombre: string; rol: string }, command: Command) => {
      await run(context, command, async (registry) => {
        const role = parseRole(options.rol);
        if (role === undefined) throw new InputError(`El rol «${options.rol}» no existe: use ${ROLES.join(', ')}.`);
        const password = await readPassword(context);
        const person = await addPerson(registry, { username: usuario, name: options.nombre, role, password });
        context.io.stdout(`Cuenta creada: ${person.username} (${person.name}, ${person.role}).\n`);
      });
    });

  usuarios
    .command('listar')
    .usage('')
    .description('lista las cuentas')
    .action(async (_options: unknown, command: Command) => {
      await run(context, command, (registry) => {
        const people = listPeople(registry);
        if (people.length === 0)
          context.io.stdout(
            'No hay cuentas. Cree una con: boletin usuarios agregar <usuario> --nombre "..." --rol titular\n',
          );
        for (const person of people) context.io.stdout(`${person.username}\t${person.role}\t${person.name}\n`);
      });
    });

  usuarios
    .command('quitar')
    .usage('<usuario>')
    .description('borra una cuenta y cierra sus sesiones (lo que hizo queda en el registro)')
    .argument('<usuario>')
    .action(async (usuario: string, _options: unknown, command: Command) => {
      await run(context, command, (registry) => {
        removePerson(registry, usuario);
        context.io.stdout(`Cuenta quitada: ${usuario}.\n`);
      });
    });

  usuarios
    .command('contrasena')
    .usage('<usuario>  (la contraseña nueva, por la entrada estándar)')
    .description('cambia la contraseña (de la entrada estándar) y cierra las sesiones abiertas')
    .argument('<usuario>')
    .action(async (usuario: string, _options: unknown, command: Command) => {
      await run(context, command, async (registry) => {
        await setPassword(registry, usuario, await readPassword(context));
        context.io.stdout(`Contraseña cambiada: ${usuario}. Sus sesiones abiertas se cerraron.\n`);
      });
    });
}

async function readPassword(context: CommandContext): Promise<string> {
  for await (const line of context.io.stdin()) return line;
  throw new InputError(
    'Falta la contraseña: escríbala en la entrada estándar, por ejemplo: printf \'%s\\n\' "$CLAVE" | boletin usuarios ...',
  );
}

async function run(
  context: CommandContext,
  command: Command,
  action: (registry: Registry) => void | Promise<void>,
): Promise<void> {
  let registry: Registry | undefined;
  try {
    const { datos } = command.optsWithGlobals<UsuariosOptions>();
    registry = openRegistry(resolveRegistryPath({ option: datos, env: context.io.env, cwd: context.io.cwd }));
    await action(registry);
    context.exitCode = ExitCode.ok;
  } catch (error) {
    if (error instanceof InputError) {
      context.io.stderr(`${error.message}\n`);
      context.exitCode = ExitCode.badInput;
    } else if (error instanceof RegistryError) {
      context.io.stderr(`${error.message}\n`);
      context.exitCode = ExitCode.renderFailed;
    } else {
      throw error;
    }
  } finally {
    registry?.close();
  }
}
