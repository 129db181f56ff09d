import { PageOf } from './common.dto.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsEnum, IsInt, IsNotEmpty, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { Omittable } from './omittable.js';
import { Role } from '../../../libs/common/roles.js';

export class LoginDto {
  @ApiProperty({ example: 'admin@duban.local' })
  @IsEmail({ require_tld: false })
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'change-me-please' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;
}

export class UserDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: Role }) role: Role;
  @ApiProperty({ nullable: true, type: String }) departmentCode: string | null;
}

export class SignedInUserDto extends UserDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: ['any', 'visible', 'member', 'lead'] },
    example: { 'task.read': 'visible', 'task.submit': 'lead', 'notification.list': 'any' },
    description:
      "what the caller's role may do: each permission of the access table it holds, with its task scope (visible: a task of its departments; member: one its department leads or co-operates on; lead: one its department leads; any: not about one task). The console offers only these; the API applies the same table",
  })
  permissions: Record<string, string>;

  @ApiProperty({
    description:
      'holding a temporary password (after a reset): every route but /me, /me/password, /me/preferences and logout answers 403 password_change_required',
  })
  mustChangePassword: boolean;

  @ApiProperty({
    description:
      "大字模式 (适老化), the user's own choice kept with the account (PUT /me/preferences): the console shows it on every computer and phone the user signs in on",
  })
  largeText: boolean;
}

export class LoginResultDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ type: SignedInUserDto }) user: SignedInUserDto;
}

export class CreateUserDto {
  @ApiProperty({ example: 'liaison@finance.taixing.gov.cn' })
  @IsEmail({ require_tld: false })
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: '王芳' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({
    minLength: 10,
    description:
      'PASSWORD_MIN_LENGTH (10) characters or more, of three of lower/upper/digit/symbol, not a common password, not containing the email local part (400 naming the rule). Omitted: a temporary password is drawn and returned once as `temporaryPassword`',
  })
  @Omittable()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password?: string;

  @ApiPropertyOptional({
    default: true,
    description: 'the first sign-in must change the password (403 password_change_required elsewhere until then); always true for a drawn one',
  })
  @Omittable()
  @IsBoolean()
  mustChangePassword?: boolean;

  @ApiProperty({ enum: Role })
  @IsEnum(Role)
  role: Role;

  @ApiProperty({ required: false, description: 'required for leader and liaison', example: 'finance' })
  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  departmentCode?: string;
}

export class CreatedUserDto extends UserDto {
  @ApiProperty() mustChangePassword: boolean;
  @ApiPropertyOptional({ description: 'the drawn temporary password, when none was given: shown this once' }) temporaryPassword?: string;
}

export class DirectoryQuery {
  @ApiPropertyOptional({ enum: Role }) @Omittable() @IsEnum(Role) role?: Role;
  @ApiPropertyOptional({ description: 'a department code' }) @Omittable() @IsString() @MaxLength(64) department?: string;
}

export class DirectoryEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: Role }) role: Role;
  @ApiProperty({ nullable: true, type: String }) departmentCode: string | null;
}

export class UpdateUserDto {
  @ApiPropertyOptional() @Omittable() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ enum: Role }) @Omittable() @IsEnum(Role) role?: Role;
  @ApiPropertyOptional({ description: 'a department code (leaders and liaisons)' }) @Omittable() @IsString() @MaxLength(64) departmentCode?: string;
  @ApiPropertyOptional({ description: 'false: deactivated (cannot sign in; its sessions end)' }) @Omittable() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ description: 'the version read; a stale one is 409' }) @Omittable() @IsInt() @Min(1) version?: number;
}

export class ChangePasswordDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) currentPassword: string;
  @ApiProperty({ description: 'by the password rule (PASSWORD_MIN_LENGTH, three classes, not common, not the email local part)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  newPassword: string;
}

/** A user as administrators manage it. */
export class AccountDto extends UserDto {
  @ApiProperty({ description: 'false: deactivated (cannot sign in)' }) active: boolean;
  @ApiProperty({ description: 'send it back with PATCH: a stale one is 409' }) version: number;
}

export class AccountPageDto extends PageOf(AccountDto) {}

export class TemporaryPasswordDto {
  @ApiProperty({ description: 'shown this once; to be changed at the next sign-in' }) temporaryPassword: string;
}

/** One's own display settings: the whole set, sent and answered. */
export class PreferencesDto {
  @ApiProperty({ description: '大字模式 (适老化): text from 14 to 18 px and controls from 32 to 44 px high in the console', example: true })
  @IsBoolean()
  largeText: boolean;
}

export class LoggedOutDto {
  @ApiProperty({ enum: [true] }) loggedOut: true;
}

export class PasswordChangedDto {
  @ApiProperty({ enum: [true] }) changed: true;
}

export class UserImportProblemDto {
  @ApiProperty() row: number;
  @ApiProperty({ example: '邮箱' }) column: string;
  @ApiProperty() message: string;
}

export class ImportedUserDto {
  @ApiProperty() row: number;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: Role, nullable: true }) role: Role | null;
  @ApiProperty({ nullable: true, type: String }) departmentCode: string | null;
  @ApiPropertyOptional({ description: 'once the account exists (not on a dry run): shown this once' }) temporaryPassword?: string;
}

export class UserImportReportDto {
  @ApiProperty() dryRun: boolean;
  @ApiProperty() rows: number;
  @ApiProperty() created: number;
  @ApiProperty({ type: [UserImportProblemDto] }) errors: UserImportProblemDto[];
  @ApiProperty({ type: [ImportedUserDto] }) users: ImportedUserDto[];
  @ApiPropertyOptional({ description: 'with errors (422): the first of them, in a sentence' }) message?: string;
}
