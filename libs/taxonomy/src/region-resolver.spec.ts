import { placeOfCode, resolveRegion } from './region-resolver';

const fromText = (text: string) => resolveRegion({ text });
const region = (text: string) => fromText(text).regionCode;

describe('resolveRegion: order of sources', () => {
  it('takes a declared prefecture code', () => {
    expect(resolveRegion({ declaredCode: '220100', address: '四平市铁西区' })).toEqual({ regionCode: '220100', countyCode: null, source: 'CODE' });
  });

  it('takes a declared county code to its prefecture and keeps the county', () => {
    expect(resolveRegion({ declaredCode: '220104' })).toEqual({ regionCode: '220100', countyCode: '220104', source: 'CODE' });
    expect(resolveRegion({ declaredCode: '222404' })).toEqual({ regionCode: '222400', countyCode: '222404', source: 'CODE' });
    expect(resolveRegion({ declaredCode: '222401' })).toEqual({ regionCode: '222400', countyCode: '222401', source: 'CODE' });
    expect(resolveRegion({ declaredCode: '220184' })).toEqual({ regionCode: '220100', countyCode: '220184', source: 'CODE' });
    expect(resolveRegion({ declaredCode: '220581' })).toEqual({ regionCode: '220500', countyCode: '220581', source: 'CODE' });
  });

  it('reads 长白山管委会 codes and 12312 four-digit codes', () => {
    expect(resolveRegion({ declaredCode: '229900' })).toEqual({ regionCode: '229900', countyCode: null, source: 'CODE' });
    expect(resolveRegion({ declaredCode: '229001' })).toEqual({ regionCode: '229900', countyCode: null, source: 'CODE' });
    expect(resolveRegion({ declaredCode: '2201' })).toEqual({ regionCode: '220100', countyCode: null, source: 'CODE' });
    expect(resolveRegion({ declaredCode: ' 220200 ' }).regionCode).toBe('220200');
  });

  it('treats a city-district-as-a-whole code (市辖区) as the prefecture', () => {
    expect(placeOfCode('220101')).toEqual({ regionCode: '220100', countyCode: null });
  });

  it.each(['220199', '110105', '999999', 'abc', '22010', '', '220000'])('falls through an unknown or province code %p', (code) => {
    expect(resolveRegion({ declaredCode: code, address: '敦化市' })).toEqual({ regionCode: '222400', countyCode: '222403', source: 'ADDRESS' });
  });

  it('takes a county from a later source that agrees with the declared prefecture', () => {
    expect(resolveRegion({ declaredCode: '220100', address: '公主岭市范家屯镇' })).toEqual({ regionCode: '220100', countyCode: '220184', source: 'CODE' });
    expect(resolveRegion({ declaredCode: '220100', address: '四平市铁西区' }).countyCode).toBeNull();
  });

  it('prefers the 12358 place name, then the address, then the text', () => {
    expect(resolveRegion({ placeName: '吉林市船营区', address: '四平市铁西区', text: '在延吉市一家店' })).toEqual({
      regionCode: '220200',
      countyCode: '220204',
      source: 'PLACE_NAME',
    });
    expect(resolveRegion({ placeName: '全省', address: '四平市铁西区', text: '在延吉市一家店' }).source).toBe('ADDRESS');
    expect(resolveRegion({ address: '某某路 88 号', text: '在延吉市一家店', phone: '0431-88886666' })).toEqual({
      regionCode: '222400',
      countyCode: '222401',
      source: 'TEXT',
    });
  });

  it('refines a prefecture from the address with a county named in the text', () => {
    expect(resolveRegion({ placeName: '吉林市', text: '吉林市船营区某某药店标价不实' })).toEqual({
      regionCode: '220200',
      countyCode: '220204',
      source: 'PLACE_NAME',
    });
  });

  it('falls back to the landline area code, then to the province', () => {
    expect(resolveRegion({ text: '网上买的坚果发霉了', phone: '0432-62345678' })).toEqual({ regionCode: '220200', countyCode: null, source: 'AREA_CODE' });
    expect(resolveRegion({ text: '网上买的坚果发霉了', phone: '13912345678' })).toEqual({ regionCode: '220000', countyCode: null, source: 'DEFAULT' });
    expect(resolveRegion({})).toEqual({ regionCode: '220000', countyCode: null, source: 'DEFAULT' });
    expect(resolveRegion({ declaredCode: null, placeName: null, address: '  ', text: null, phone: null }).source).toBe('DEFAULT');
  });

  it('does not count the province itself as a place', () => {
    expect(resolveRegion({ address: '吉林省', phone: '0433-1234567' }).source).toBe('AREA_CODE');
    expect(fromText('据俄方客户讲走的是吉林方向的边境口岸').source).toBe('DEFAULT');
  });
});

describe('resolveRegion: landline area codes', () => {
  it.each([
    ['0431-88886666', '220100'],
    ['043188886666', '220100'],
    ['+86 431 8888 6666', '220100'],
    ['+8643188886666', '220100'],
    ['86043188886666', '220100'],
    ['0086 431 88886666', '220100'],
    ['(0432)62345678', '220200'],
    ['0434-3212345', '220300'],
    ['0437 3212345', '220400'],
    ['0435-3212345', '220500'],
    ['0439-3212345', '220600'],
    ['0438-62345678', '220700'],
    ['0436-3212345', '220800'],
    ['0433-2512345', '222400'],
    ['0431-88886666转123', '220100'],
  ])('%s → %s', (phone, expected) => {
    expect(resolveRegion({ phone })).toEqual({ regionCode: expected, countyCode: null, source: 'AREA_CODE' });
  });

  it.each(['13912345678', '+8613912345678', '8613904311234', '010-12345678', '024-12345678', '88886666', '12315', 'unknown'])(
    'gives no region for %s',
    (phone) => {
      expect(resolveRegion({ phone }).source).toBe('DEFAULT');
    },
  );
});

describe('resolveRegion: names', () => {
  it.each([
    ['朝阳区', '220100', '220104'],
    ['公主岭市', '220100', '220184'],
    ['公主岭', '220100', '220184'],
    ['九台区', '220100', '220113'],
    ['敦化市', '222400', '222403'],
    ['敦化', '222400', '222403'],
    ['珲春市', '222400', '222404'],
    ['珲春', '222400', '222404'],
    ['柳河县', '220500', '220524'],
    ['乾安县', '220700', '220723'],
    ['洮南市', '220800', '220881'],
    ['梅河口', '220500', '220581'],
    ['梅河口市', '220500', '220581'],
    ['范家屯镇', '220100', '220184'],
    ['图们', '222400', '222402'],
    ['龙井市', '222400', '222405'],
    ['和龙市', '222400', '222406'],
    ['汪清', '222400', '222424'],
    ['安图', '222400', '222426'],
    ['临江市', '220600', '220681'],
    ['集安', '220500', '220582'],
    ['双辽', '220300', '220382'],
    ['梨树县', '220300', '220322'],
    ['伊通', '220300', '220323'],
    ['伊通县', '220300', '220323'],
    ['东丰', '220400', '220421'],
    ['东辽', '220400', '220422'],
    ['辉南', '220500', '220523'],
    ['靖宇', '220600', '220622'],
    ['抚松', '220600', '220621'],
    ['江源', '220600', '220605'],
    ['前郭', '220700', '220721'],
    ['前郭县', '220700', '220721'],
    ['长岭', '220700', '220722'],
    ['扶余', '220700', '220781'],
    ['镇赉', '220800', '220821'],
    ['通榆', '220800', '220822'],
    ['大安市', '220800', '220882'],
    ['舒兰', '220200', '220283'],
    ['磐石市', '220200', '220284'],
    ['蛟河', '220200', '220281'],
    ['桦甸', '220200', '220282'],
    ['永吉', '220200', '220221'],
    ['德惠', '220100', '220183'],
    ['榆树市', '220100', '220182'],
    ['农安', '220100', '220122'],
    ['双阳', '220100', '220112'],
    ['延吉', '222400', '222401'],
    ['南关区', '220100', '220102'],
    ['宽城区', '220100', '220103'],
    ['绿园区', '220100', '220106'],
    ['二道区', '220100', '220105'],
    ['铁西区', '220300', '220302'],
    ['铁东区', '220300', '220303'],
    ['船营区', '220200', '220204'],
    ['昌邑区', '220200', '220202'],
    ['龙潭区', '220200', '220203'],
    ['丰满区', '220200', '220211'],
    ['东昌区', '220500', '220502'],
    ['二道江区', '220500', '220503'],
    ['浑江区', '220600', '220602'],
    ['江源区', '220600', '220605'],
    ['宁江区', '220700', '220702'],
    ['洮北区', '220800', '220802'],
    ['龙山区', '220400', '220402'],
    ['西安区', '220400', '220403'],
    ['长春高新区', '220100', '220173'],
  ])('%s → %s / %s', (name, regionCode, countyCode) => {
    expect(fromText(name)).toEqual({ regionCode, countyCode, source: 'TEXT' });
  });

  it.each([
    ['长春市', '220100'],
    ['长春', '220100'],
    ['吉林市', '220200'],
    ['四平', '220300'],
    ['辽源', '220400'],
    ['通化', '220500'],
    ['白山', '220600'],
    ['松原', '220700'],
    ['白城', '220800'],
    ['延边', '222400'],
    ['延边州', '222400'],
    ['延边朝鲜族自治州', '222400'],
  ])('prefecture %s → %s', (name, regionCode) => {
    expect(fromText(name)).toEqual({ regionCode, countyCode: null, source: 'TEXT' });
  });

  it('reads 吉林省 and bare 吉林 as the province, 吉林市 as the city', () => {
    expect(fromText('吉林省').source).toBe('DEFAULT');
    expect(fromText('吉林').source).toBe('DEFAULT');
    expect(region('吉林省长春市')).toBe('220100');
    expect(region('吉林市昌邑区')).toBe('220200');
    expect(fromText('吉林市场监督管理厅').source).toBe('DEFAULT');
    expect(region('延吉市场')).toBe('222400');
  });

  it.each(['池北区', '池西区', '池南区', '二道白河镇', '二道白河', '长白山管委会', '长白山保护开发区', '长白山池北区', '安图县二道白河镇', '长白山池北区二道白河镇'])(
    'applies the 长白山管委会 rule to %s',
    (name) => {
      expect(fromText(name)).toEqual({ regionCode: '229900', countyCode: null, source: 'TEXT' });
    },
  );

  it.each(['长白县', '长白朝鲜族自治县', '长白口岸', '白山市长白县'])('puts %s in 白山', (name) => {
    expect(fromText(name)).toEqual({ regionCode: '220600', countyCode: '220623', source: 'TEXT' });
  });

  it('gives the district of a prefecture followed by it', () => {
    expect(fromText('四平市铁西区')).toEqual({ regionCode: '220300', countyCode: '220302', source: 'TEXT' });
    expect(fromText('长春市朝阳区红旗街')).toEqual({ regionCode: '220100', countyCode: '220104', source: 'TEXT' });
    expect(fromText('吉林市永吉县岔路河镇')).toEqual({ regionCode: '220200', countyCode: '220221', source: 'TEXT' });
    expect(fromText('公主岭市范家屯镇')).toEqual({ regionCode: '220100', countyCode: '220184', source: 'TEXT' });
  });

  it('does not read districts of other provinces as ours', () => {
    expect(fromText('北京市朝阳区一家店').source).toBe('DEFAULT');
    expect(fromText('沈阳市铁西区一家店').source).toBe('DEFAULT');
    expect(fromText('黑龙江省牡丹江市西安区').source).toBe('DEFAULT');
    expect(fromText('山东昌邑市一家工厂').source).toBe('DEFAULT');
    expect(fromText('西安市一家工厂').source).toBe('DEFAULT');
    expect(region('长春市西安大路 88 号')).toBe('220100');
  });

  it('does not read ordinary words and product names as places', () => {
    for (const text of ['四平八稳', '买的西湖龙井茶是假的', '梨树苗发芽率低', '存在重大安全隐患', '家里买了九台电脑', '螃蟹和龙虾', '在一个小城镇上', '长白山人参是假的', '买了长白山野山参']) {
      expect(fromText(text).source).toBe('DEFAULT');
    }
  });

  it('reads a short form that is an ordinary word where it names the place of a business', () => {
    expect(region('在梨树一家农资店买的')).toBe('220300');
    expect(region('榆树一家农资门市')).toBe('220100');
    expect(region('在龙井一家冷面馆')).toBe('222400');
    expect(resolveRegion({ address: '龙井' }).regionCode).toBe('222400');
  });
});

describe('resolveRegion: where the conduct happened', () => {
  it('prefers the place of the business over the reporter’s home', () => {
    expect(region('来电人是长春一家设计工作室的负责人，反映松原市前郭县瑞丰包装制品厂用了他们的插画')).toBe('220700');
    expect(region('来电人是通化的一位国画画家，反映集安市一家工艺品店卖的瓷盘')).toBe('220500');
    expect(region('来电人是延吉人，在白城市洮北区一家超市买的方便面')).toBe('220800');
    expect(region('来电人是前郭县的农民，在县城一家汽配店换的机油。来电人儿子在长春上班，让他打电话反映。')).toBe('220700');
  });

  it('ignores brands in quotes and places goods are sent to', () => {
    expect(region('来电人称是“舒兰大米”企业的员工，反映松原市前郭县一家米厂冒用地理标志')).toBe('220700');
    expect(region('伊通县一个养殖场后院有个作坊，往四平、长春的会销点供货')).toBe('220300');
    expect(region('九台区一个村里有个作坊，卖到长春几个汽配城')).toBe('220100');
    expect(region('在通化市一家特产店买的长白山人参')).toBe('220500');
  });

  it('takes the most specific place of the conduct', () => {
    expect(fromText('长春一个叫“吉味小厨”的直播间卖红肠，主播就在宽城区一个仓库直播')).toEqual({ regionCode: '220100', countyCode: '220103', source: 'TEXT' });
    expect(region('参加旅行社组织的吉林市一日游，被带到丰满区一家购物点')).toBe('220200');
    expect(region('来电人在长春，在四平市铁西区一家店买了假货')).toBe('220300');
    expect(region('印的是温州一家鞋厂的厂名，实际是白城市洮北区生产')).toBe('220800');
  });

  it('reads the place after 地址是 and 发货地', () => {
    expect(region('我在直播间买的果酱，商家地址是长白山池北区')).toBe('229900');
    expect(region('在长春一家网店（发货地长春市南关区）买的')).toBe('220100');
    expect(region('国庆期间在长白山北景区换乘站旁边的小卖部买水')).toBe('229900');
  });
});
